package io.aio4j;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Front ends (channels, async, buffers, jfr) go through the core API only: never an engine, the
 * engine SPI or Linux code. (IoFile.alignment() gives the buffer pool what statx knows.)
 */
class FrontEndArchitectureTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.aio4j");

    @Test
    void frontEndsUseTheApiOnly() {
        noClasses().that().resideInAnyPackage("io.aio4j.channels..", "io.aio4j.async..", "io.aio4j.buffers..", "io.aio4j.jfr..")
                .should().dependOnClassesThat().resideInAnyPackage("io.aio4j.spi..", "io.aio4j.linux..", "io.aio4j.internal..")
                .check(MAIN);
    }

    @Test
    void theCoreDoesNotDependOnFrontEnds() {
        noClasses().that().resideInAnyPackage("io.aio4j", "io.aio4j.spi..", "io.aio4j.linux..", "io.aio4j.internal..")
                .should().dependOnClassesThat().resideInAnyPackage("io.aio4j.channels..", "io.aio4j.async..", "io.aio4j.buffers..", "io.aio4j.jfr..")
                .check(MAIN);
    }
}
