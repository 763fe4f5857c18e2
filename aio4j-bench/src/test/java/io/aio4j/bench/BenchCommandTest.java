package io.aio4j.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.aio4j.bench.report.MiniJson;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** End to end through the jdk engine, which runs everywhere. */
@Timeout(120)
class BenchCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int bench(String... args) {
        return new BenchCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(List.of(args));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private static long number(Map<String, Object> m, String key) {
        return ((Number) m.get(key)).longValue();
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void unlinkDeletesEachJobsFileWhenItIsDone(@TempDir Path dir) throws Exception {
        assertThat(bench("--name=u", "--ioengine=jdk", "--directory=" + dir, "--size=256k", "--rw=randrw", "--numjobs=2",
                "--unlink=1", "--aio4j_warmup=0", "--output-format=json")).isZero();
        try (var files = Files.list(dir)) {
            assertThat(files.toList()).as("u.0.0 and u.1.0 deleted").isEmpty();
        }
        assertThat(bench("--name=k", "--ioengine=jdk", "--directory=" + dir, "--size=256k", "--rw=randread",
                "--aio4j_warmup=0", "--output-format=json")).isZero();
        assertThat(dir.resolve("k.0.0")).as("kept without unlink").exists();
    }

    @Test
    void theNormalOutputSaysWhichFilesAreLaidOutAsFioDoesAndTheJsonDoesNot(@TempDir Path dir) throws Exception {
        // fio 3.33: a line per job whose file is created or too short, the size in whole MiB,
        // then a blank line before the reports; nothing of it with --output-format=json
        String[] job = {"--name=lo", "--ioengine=jdk", "--directory=" + dir, "--size=3m", "--rw=write", "--numjobs=2",
            "--aio4j_warmup=0"};
        assertThat(bench(job)).isZero();
        assertThat(out()).contains("Starting 2 threads\nlo: Laying out IO file (1 file / 3MiB)\n"
                + "lo: Laying out IO file (1 file / 3MiB)\n\nlo: (groupid=0, jobs=1)");
        out.reset();
        assertThat(bench(job)).isZero();
        assertThat(out()).as("the files are there now").doesNotContain("Laying out").contains("Starting 2 threads\n\nlo: (groupid=0");
        out.reset();
        List<String> json = new ArrayList<>(List.of(job));
        json.set(3, "--size=4m");
        json.add("--output-format=json");
        assertThat(bench(json.toArray(String[]::new))).isZero();
        assertThat(out()).doesNotContain("Laying out").startsWith("{");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aJobFileWithSeveralSectionsReportsEachJobAsFioDoes(@TempDir Path dir) throws Exception {
        Path jobs = dir.resolve("mixed.fio");
        Files.writeString(jobs, """
                [global]
                ioengine=jdk
                directory=%s
                size=2m
                iodepth=4
                ; each job gets its own file: jobname.jobnum.0

                [seq-write]
                rw=write
                bs=64k

                [rand-read]
                stonewall
                rw=randread
                bs=4k

                [mixed]
                stonewall
                rw=randrw
                rwmixread=70
                fsync=8
                """.formatted(dir));
        int rc = bench(jobs.toString(), "--output-format=json");
        assertThat(rc).as(err()).isZero();
        Map<String, Object> report = MiniJson.firstObject(out());
        List<Map<String, Object>> list = (List<Map<String, Object>>) report.get("jobs");
        assertThat(list).extracting(j -> j.get("jobname")).containsExactly("seq-write", "rand-read", "mixed");
        assertThat(list).extracting(j -> j.get("groupid")).containsExactly(0.0, 1.0, 2.0);
        Map<String, Object> w = (Map<String, Object>) list.get(0).get("write");
        assertThat(w.get("io_bytes")).isEqualTo(2.0 * (1 << 20));
        assertThat(w.get("total_ios")).isEqualTo(32.0);
        Map<String, Object> r = (Map<String, Object>) list.get(1).get("read");
        assertThat(r.get("total_ios")).isEqualTo(512.0);
        Map<String, Object> mixed = list.get(2);
        double reads = (Double) ((Map<String, Object>) mixed.get("read")).get("total_ios");
        double writes = (Double) ((Map<String, Object>) mixed.get("write")).get("total_ios");
        assertThat(reads + writes).isEqualTo(512.0);
        assertThat(((Map<String, Object>) mixed.get("sync")).get("total_ios")).isEqualTo(Math.floor(writes / 8));
        assertThat(Files.exists(dir.resolve("seq-write.0.0"))).isTrue();
        assertThat(Files.exists(dir.resolve("mixed.0.0"))).isTrue();
    }

    @Test
    void normalOutputLooksLikeFios(@TempDir Path dir) {
        int rc = bench("--name=n", "--ioengine=jdk", "--filename=" + dir.resolve("f"), "--size=1m", "--rw=randread",
                "--iodepth=4", "--numjobs=2", "--group_reporting");
        assertThat(rc).as(err()).isZero();
        assertThat(out()).contains("n: (g=0): rw=randread, bs=(R) 4096B-4096B")
                .contains("n: (groupid=0, jobs=2): err= 0:")
                .contains("  read: IOPS=")
                .contains("clat percentiles")
                .contains("Run status group 0 (all jobs):")
                .contains("   READ: bw=");
    }

    @Test
    void groupReportingStatusLineIsTheSummedJobAsInFio(@TempDir Path dir) {
        // fio sums a group_reporting group into one job whose runtime is the longest job's, and builds the
        // "Run status group" line from it: one bandwidth and one runtime, min equal to max
        int rc = bench("--name=g", "--ioengine=jdk", "--directory=" + dir, "--size=256k", "--rw=randread",
                "--numjobs=4", "--thread", "--group_reporting");
        assertThat(rc).as(err()).isZero();
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("READ: bw=(\\S+) \\([^)]*\\), (\\S+)-(\\S+) \\([^)]*\\), io=1024KiB \\([^)]*\\), run=(\\d+)-(\\d+)msec")
                .matcher(out());
        assertThat(m.find()).as(out()).isTrue();
        assertThat(m.group(2)).isEqualTo(m.group(1));
        assertThat(m.group(3)).isEqualTo(m.group(1));
        assertThat(m.group(4)).isEqualTo(m.group(5));
        // the group's CPU time is the wave's, read at the start line and after the last job
        java.util.regex.Matcher cpu = java.util.regex.Pattern.compile("cpu per I/O\\s*: ([0-9.]+) usec").matcher(out());
        assertThat(cpu.find()).as(out()).isTrue();
        assertThat(Double.parseDouble(cpu.group(1))).isPositive();
    }

    @Test
    void manyJobsSharingOneFileRunWithTheWarmUp(@TempDir Path dir) {
        // more jobs than CPUs get a warm-up on the first job's file; when the others use that same
        // file it starts only after all of them are prepared (a layout could rewrite it under it)
        int jobs = Runtime.getRuntime().availableProcessors() + 2;
        int rc = bench("--name=s", "--ioengine=jdk", "--filename=" + dir.resolve("shared"), "--size=256k", "--rw=randrw",
                "--bs=4k", "--numjobs=" + jobs, "--thread", "--group_reporting");
        assertThat(rc).as(err()).isZero();
        assertThat(out()).contains("s: (groupid=0, jobs=" + jobs + "): err= 0:").contains("  write: IOPS=");
    }

    @Test
    void verifiedWriteThenVerifiedRead(@TempDir Path dir) {
        String f = "--filename=" + dir.resolve("v");
        assertThat(bench("--name=w", "--ioengine=jdk", f, "--size=1m", "--rw=randwrite", "--iodepth=8", "--verify=crc32c"))
                .as(err()).isZero();
        assertThat(bench("--name=r", "--ioengine=jdk", f, "--rw=read", "--iodepth=8", "--verify=crc32c")).as(err()).isZero();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aMixedVerifiedJobWithAnOffsetChecksItsRegionAndLeavesTheBytesBeforeIt(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("o");
        byte[] head = new byte[64 << 10];
        java.util.Arrays.fill(head, (byte) 0x5A);
        Files.write(f, head);
        for (String engine : List.of("psync", "libaio", "io_uring")) {
            out.reset();
            err.reset();
            int rc = bench("--name=o", "--ioengine=" + engine, "--filename=" + f, "--offset=64k", "--size=256k", "--bs=4k",
                    "--rw=randrw", "--iodepth=8", "--verify=crc32c", "--aio4j_warmup=0", "--output-format=json");
            if (rc != 0 && err().contains("is not available here")) {
                continue; // an engine this machine lacks; psync always runs
            }
            assertThat(rc).as(engine + ": " + err()).isZero();
            Map<String, Object> job = (Map<String, Object>) ((List<Object>) MiniJson.firstObject(out()).get("jobs")).getFirst();
            Map<String, Object> ours = (Map<String, Object>) job.get("aio4j");
            assertThat(number(ours, "verify_failures")).as(engine).isZero();
            assertThat(number(ours, "verified_during_io") + number(ours, "verified_after_io")).as(engine).isPositive();
            assertThat(number((Map<String, Object>) job.get("read"), "io_bytes")
                    + number((Map<String, Object>) job.get("write"), "io_bytes")).isEqualTo(256 << 10);
            byte[] now = Files.readAllBytes(f);
            assertThat(now).as(engine + ": the region ends at offset + size").hasSize((64 + 256) << 10);
            assertThat(java.util.Arrays.copyOf(now, head.length)).as(engine + ": the bytes before the offset").containsOnly(0x5A);
        }
    }

    @Test
    void unknownOptionAndImpossibleCombinationAreUsageErrors() {
        assertThat(bench("--name=x", "--frob=1")).isEqualTo(2);
        assertThat(err()).contains("unknown option: --frob");
        assertThat(bench("--name=x", "--time_based")).isEqualTo(2);
        assertThat(err()).contains("--time_based needs --runtime");
    }

    @Test
    void anUnavailableEngineIsNamedWithItsReason(@TempDir Path dir) {
        List<String> args = new ArrayList<>(List.of("--name=x", "--filename=" + dir.resolve("f"), "--size=1m"));
        for (String engine : List.of("io_uring", "libaio", "threadpool")) {
            ByteArrayOutputStream e = new ByteArrayOutputStream();
            List<String> a = new ArrayList<>(args);
            a.add("--ioengine=" + engine);
            int rc = new BenchCommand(new PrintStream(new ByteArrayOutputStream()), new PrintStream(e)).run(a);
            if (rc != 0) {
                assertThat(e.toString()).contains("ioengine=" + engine + " is not available here: ");
            }
        }
    }
}
