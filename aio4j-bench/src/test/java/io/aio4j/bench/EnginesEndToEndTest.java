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
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each aio4j engine through the bench: a verified write, a verified O_DIRECT read, a mixed job with fsync. Skipped, with the reason, where an engine is unavailable. */
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

    @ParameterizedTest
    @ValueSource(strings = {"io_uring", "libaio", "threadpool", "psync"})
    void engineRunsVerifiedAndMixedJobs(String engine, @TempDir Path dir) {
        Availability a = Backends.availability(IoEngine.of(engine));
        Assumptions.assumeTrue(a.available(), () -> engine + " unavailable: " + a.reason());
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
