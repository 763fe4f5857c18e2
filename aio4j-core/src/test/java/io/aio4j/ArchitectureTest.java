package io.aio4j;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The package graph, held by a test (STYLE.md): the API never touches Linux code, engines never
 * import each other, the ABI layer knows no aio4j type, and nothing depends on the benchmarks.
 * Rules about engines that are not on this branch yet pass vacuously (allowEmptyShould).
 */
class ArchitectureTest {
    private static final String POOL = "io.aio4j.internal.pool..";
    private static final String URING = "io.aio4j.linux.uring..";
    private static final String AIO = "io.aio4j.linux.aio..";

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("io.aio4j");

    @Test
    void theApiNeverDependsOnLinuxCode() {
        noClasses().that().resideInAPackage("io.aio4j")
                .should().dependOnClassesThat().resideInAPackage("io.aio4j.linux..")
                .check(MAIN);
    }

    @Test
    void theApiNeverDependsOnAnEngine() {
        noClasses().that().resideInAnyPackage("io.aio4j", "io.aio4j.spi")
                .should().dependOnClassesThat().resideInAnyPackage(POOL, URING, AIO)
                .check(MAIN);
    }

    @Test
    void thePortableEngineDependsOnNoOtherEngine() {
        noClasses().that().resideInAPackage(POOL)
                .should().dependOnClassesThat().resideInAnyPackage(URING, AIO)
                .allowEmptyShould(true).check(MAIN);
    }

    @Test
    void theIoUringEngineDependsOnNoOtherEngine() {
        noClasses().that().resideInAPackage(URING)
                .should().dependOnClassesThat().resideInAnyPackage(POOL, AIO)
                .allowEmptyShould(true).check(MAIN);
    }

    @Test
    void theLinuxAioEngineDependsOnNoOtherEngine() {
        noClasses().that().resideInAPackage(AIO)
                .should().dependOnClassesThat().resideInAnyPackage(POOL, URING)
                .allowEmptyShould(true).check(MAIN);
    }

    @Test
    void theAbiLayerKnowsOnlyTheJdk() {
        classes().that().resideInAPackage("io.aio4j.linux.abi..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.aio4j.linux.abi..")
                .check(MAIN);
    }

    @Test
    void nothingDependsOnTheBenchmarks() {
        noClasses().that().resideOutsideOfPackage("io.aio4j.bench..")
                .should().dependOnClassesThat().resideInAPackage("io.aio4j.bench..")
                .check(MAIN);
    }
}
