package io.aio4j.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.aio4j.bench.options.IoEngine;
import io.aio4j.bench.report.MiniJson;
import io.aio4j.bench.run.Backends;
import io.aio4j.spi.Availability;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each aio4j engine through the bench: a verified write, a verified O_DIRECT read, a mixed job with
 * fsync; and (tag slow) verified mixed jobs. Skipped, with the reason, where an engine is unavailable.
 */
@Timeout(120)
class EnginesEndToEndTest {
    private String out;
    private String err;

    private int bench(String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int rc = new BenchCommand(new PrintStream(o, true, StandardCharsets.UTF_8),
                new PrintStream(e, true, StandardCharsets.UTF_8)).run(List.of(args));
        out = o.toString(StandardCharsets.UTF_8);
        err = e.toString(StandardCharsets.UTF_8);
        return rc;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> job() {
        return (Map<String, Object>) ((List<Object>) MiniJson.firstObject(out).get("jobs")).getFirst();
    }

    @SuppressWarnings("unchecked")
    private double ios(String dir) {
        return (Double) ((Map<String, Object>) job().get(dir)).get("total_ios");
    }

    private static void assumeAvailable(String engine) {
        Availability a = Backends.availability(IoEngine.of(engine));
        Assumptions.assumeTrue(a.available(), () -> engine + " unavailable: " + a.reason());
    }

    @SuppressWarnings("unchecked")
    private double aio4j(String field) {
        return (Double) ((Map<String, Object>) job().get("aio4j")).get(field);
    }

    /**
     * The integrity soak, shortened: 64 MiB of 4 KiB random reads and writes at depth 16,
     * every read checked against the block's last write, every written block read back; then a
     * sequential mixed job over 8 MiB twice, whose read and write cursors keep meeting (no two I/Os
     * to a block in flight) and whose second pass rewrites what the first wrote (last write wins);
     * then 1 s of random passes over 4 MiB, each block rewritten many times.
     */
    @Tag("slow")
    @ParameterizedTest
    @ValueSource(strings = {"io_uring", "libaio", "threadpool", "psync", "jdk"})
    void verifiedMixedJobsFindNoMismatch(String engine, @TempDir Path dir) {
        assumeAvailable(engine);
        String f = "--filename=" + dir.resolve("m");
        String e = "--ioengine=" + engine;
        assertThat(bench("--name=soak", e, f, "--size=64m", "--rw=randrw", "--iodepth=16", "--verify=crc32c",
                "--output-format=json")).as(err + out).isZero();
        assertThat(aio4j("verify_failures")).isZero();
        assertThat(ios("read") + ios("write")).isEqualTo(16384.0);
        assertThat(aio4j("verified_during_io")).as("every read of the mixed phase").isEqualTo(ios("read"));
        assertThat(aio4j("verified_after_io")).as("every written block, each written once").isEqualTo(ios("write"));
        assertThat(bench("--name=seq", e, f, "--size=8m", "--rw=rw", "--rwmixread=40", "--iodepth=16", "--loops=2",
                "--direct=1", "--verify=crc32c", "--output-format=json")).as(err + out).isZero();
        assertThat(aio4j("verify_failures")).isZero();
        assertThat(aio4j("verified_during_io")).isEqualTo(ios("read"));
        assertThat(aio4j("verified_after_io")).isPositive().isLessThanOrEqualTo(ios("write"));
        assertThat(bench("--name=passes", e, f, "--size=4m", "--rw=randrw", "--iodepth=16", "--iodepth_batch_submit=4",
                "--time_based", "--runtime=1s", "--verify=crc32c", "--output-format=json")).as(err + out).isZero();
        assertThat(aio4j("verify_failures")).isZero();
        assertThat(ios("write")).isGreaterThan(2 * 1024);
        assertThat(aio4j("verified_during_io")).isEqualTo(ios("read"));
        assertThat(aio4j("verified_after_io")).isEqualTo(1024.0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"io_uring", "libaio", "threadpool", "psync"})
    void engineRunsVerifiedAndMixedJobs(String engine, @TempDir Path dir) {
        assumeAvailable(engine);
        String f = "--filename=" + dir.resolve("e");
        String e = "--ioengine=" + engine;
        assertThat(bench("--name=w", e, f, "--size=2m", "--rw=randwrite", "--iodepth=16", "--iodepth_batch_submit=4",
                "--verify=crc32c", "--output-format=json")).as(err).isZero();
        assertThat(ios("write")).isEqualTo(512.0);
        assertThat(bench("--name=r", e, f, "--rw=randread", "--direct=1", "--iodepth=16", "--iodepth_batch_complete_min=8",
                "--verify=crc32c", "--output-format=json")).as(err).isZero();
        assertThat(ios("read")).isEqualTo(512.0);
        assertThat(bench("--name=m", e, f, "--rw=randrw", "--iodepth=8", "--fsync=4", "--output-format=json")).as(err).isZero();
        assertThat(ios("read") + ios("write")).isEqualTo(512.0);
        assertThat(ios("sync")).isEqualTo(Math.floor(ios("write") / 4));
    }
}
