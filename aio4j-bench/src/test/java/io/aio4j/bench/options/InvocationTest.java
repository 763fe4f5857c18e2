package io.aio4j.bench.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InvocationTest {
    @Test
    void optionsBeforeTheFirstNameAreGlobalsAndNameStartsAJob() throws Exception {
        Invocation inv = Invocation.parse(List.of("--bs=8k", "--ioengine=jdk", "--name=a", "--rw=write",
                "--name=b", "--rw=randread", "--bs", "16k", "--output-format=json"));
        assertThat(inv.json()).isTrue();
        assertThat(inv.globals()).containsEntry("bs", "8k");
        assertThat(inv.jobs()).extracting(Section::name).containsExactly("a", "b");
        assertThat(inv.jobs().get(0).options()).containsEntry("bs", "8k").containsEntry("rw", "write");
        assertThat(inv.jobs().get(1).options()).containsEntry("bs", "16k").containsEntry("ioengine", "jdk");
    }

    @Test
    void singleDashAndBareFlagsAsFioAcceptsThem() throws Exception {
        Invocation inv = Invocation.parse(List.of("-name=x", "-direct=1", "--time_based", "--group_reporting"));
        assertThat(inv.jobs().getFirst().options()).containsEntry("direct", "1").containsEntry("time_based", "1")
                .containsEntry("group_reporting", "1");
    }

    @Test
    void optionsAsWrittenAreKeptInOrderWithRepeatsAsFioListsThem(@TempDir Path dir) throws Exception {
        // checked against fio 3.33's "global options" and "job options" for the same arguments
        Path f = dir.resolve("j.fio");
        Files.writeString(f, "[global]\nthread\niodepth=4\n[f1]\nrw=randread\nstonewall\nblocksize = 8k\n");
        Invocation inv = Invocation.parse(List.of("--size=1m", "--group_reporting", "--name=y", "--rw=write",
                "--blocksize=4k", "--rw=read", "--thread", "--direct=0", f.toString()));
        assertThat(inv.writtenGlobals()).containsExactly(Map.entry("size", "1m"), Map.entry("iodepth", "4"));
        assertThat(inv.jobs().get(0).written()).containsExactly(Map.entry("name", "y"), Map.entry("rw", "write"),
                Map.entry("bs", "4k"), Map.entry("rw", "read"), Map.entry("direct", "0"));
        assertThat(inv.jobs().get(1).written()).as("a section's own, without its header's name")
                .containsExactly(Map.entry("rw", "randread"), Map.entry("bs", "8k"));
        assertThat(inv.jobs().get(1).options()).as("what it runs with still inherits")
                .containsEntry("size", "1m").containsEntry("iodepth", "4").containsEntry("thread", "1");
    }

    @Test
    void unknownOptionIsAnErrorNamingIt() {
        assertThatThrownBy(() -> Invocation.parse(List.of("--name=x", "--iodeph=4")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("unknown option: --iodeph");
        assertThatThrownBy(() -> Invocation.parse(List.of("--name=x", "--bs"))).hasMessageContaining("--bs needs a value");
        assertThatThrownBy(() -> Invocation.parse(List.of("--output-format=xml"))).hasMessageContaining("--output-format=xml");
    }

    @Test
    void commandLineJobsComeFirstThenJobFileSectionsInheritingTheGlobals(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("jobs.fio");
        Files.writeString(f, "[global]\nsize=2m\n[filejob]\nrw=randread\n");
        Invocation inv = Invocation.parse(List.of("--iodepth=8", "--size=1m", f.toString(), "--name=cli", "--rw=write"));
        assertThat(inv.jobs()).extracting(Section::name).containsExactly("cli", "filejob");
        assertThat(inv.jobs().get(0).options()).containsEntry("iodepth", "8").containsEntry("size", "1m");
        assertThat(inv.jobs().get(1).options()).containsEntry("iodepth", "8").containsEntry("size", "2m");
    }
}
