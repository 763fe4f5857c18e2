package io.aio4j.bench.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobFileParserTest {
    private static List<Section> parse(String text, Map<String, String> inherited) {
        return JobFileParser.parse("test.fio", text.lines().toList(), inherited);
    }

    @Test
    void sectionsInheritGlobalAndOverrideIt() {
        List<Section> jobs = parse("""
                ; a comment
                # another
                [global]
                ioengine=jdk
                bs=4k        ; inline comment
                size=1m

                [seq-write]
                rw=write
                bs=128k

                [rand-read]
                rw=randread
                """, Map.of());
        assertThat(jobs).extracting(Section::name).containsExactly("seq-write", "rand-read");
        assertThat(jobs.get(0).options()).containsEntry("ioengine", "jdk").containsEntry("bs", "128k")
                .containsEntry("size", "1m").containsEntry("rw", "write");
        assertThat(jobs.get(1).options()).containsEntry("bs", "4k").containsEntry("rw", "randread");
    }

    @Test
    void aLaterGlobalAppliesOnlyToTheSectionsAfterIt() {
        List<Section> jobs = parse("""
                [global]
                iodepth=4
                [a]
                [global]
                iodepth=16
                [b]
                """, Map.of());
        assertThat(jobs.get(0).get("iodepth", null)).isEqualTo("4");
        assertThat(jobs.get(1).get("iodepth", null)).isEqualTo("16");
    }

    @Test
    void commandLineGlobalsAreOverriddenByTheFile() {
        List<Section> jobs = parse("""
                [global]
                runtime=3
                [a]
                [b]
                runtime=7
                """, Map.of("runtime", "1", "bs", "8k"));
        assertThat(jobs.get(0).options()).containsEntry("runtime", "3").containsEntry("bs", "8k");
        assertThat(jobs.get(1).options()).containsEntry("runtime", "7");
    }

    @Test
    void bareFlagsAndAliases() {
        Section s = parse("""
                [a]
                time_based
                direct=1
                readwrite=randrw
                blocksize=64KiB
                stonewall
                """, Map.of()).getFirst();
        assertThat(s.options()).containsEntry("time_based", "1").containsEntry("direct", "1")
                .containsEntry("rw", "randrw").containsEntry("bs", "64KiB").containsEntry("stonewall", "1");
    }

    @Test
    void unknownOptionNamesTheOptionAndTheLine() {
        assertThatThrownBy(() -> parse("[a]\nrw=read\nfrobnicate=3\n", Map.of()))
                .hasMessageContaining("test.fio:3").hasMessageContaining("unknown option: --frobnicate");
    }

    @Test
    void badValuesAndMisplacedOptionsAreErrors() {
        assertThatThrownBy(() -> parse("[a]\nbs=lots\n", Map.of())).hasMessageContaining("test.fio:2")
                .hasMessageContaining("--bs=lots");
        assertThatThrownBy(() -> parse("[a]\nrw=sideways\n", Map.of())).hasMessageContaining("--rw=sideways");
        assertThatThrownBy(() -> parse("bs=4k\n[a]\n", Map.of())).hasMessageContaining("before any [section]");
        assertThatThrownBy(() -> parse("[a]\noutput-format=json\n", Map.of())).hasMessageContaining("command-line option");
        assertThatThrownBy(() -> parse("[a]\nbs\n", Map.of())).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> parse("[a\n", Map.of())).hasMessageContaining("bad section header");
    }

    @Test
    void commentsNeedWhitespaceBeforeThemInsideALine() {
        assertThat(JobFileParser.stripComment("filename=/tmp/a#b")).isEqualTo("filename=/tmp/a#b");
        assertThat(JobFileParser.stripComment("bs=4k # note")).isEqualTo("bs=4k ");
        assertThat(JobFileParser.stripComment("   ; all comment")).isEmpty();
    }

    @Test
    void theExampleJobFilesResolve() throws Exception {
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of("examples"))) {
            for (java.nio.file.Path f : files.filter(p -> p.toString().endsWith(".fio")).toList()) {
                List<JobSpec> jobs = JobSpecs.resolve(JobFileParser.parse(f, Map.of()));
                assertThat(jobs).as(f.toString()).isNotEmpty();
            }
        }
        List<JobSpec> mixed = JobSpecs.resolve(JobFileParser.parse(java.nio.file.Path.of("examples/mixed.fio"), Map.of()));
        assertThat(mixed).extracting(JobSpec::name).containsExactly("seq-write", "rand-read", "mixed");
        assertThat(mixed).extracting(JobSpec::groupId).containsExactly(0, 1, 2);
        assertThat(mixed.get(2).fsyncEvery()).isEqualTo(32);
    }
}
