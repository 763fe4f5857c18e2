package io.aio4j.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.aio4j.bench.options.Invocation;
import io.aio4j.bench.options.JobSpecs;
import io.aio4j.bench.run.JobResult;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Our JSON against a real fio 3.33 report (src/test/resources/fio-3.33-randread.json). */
class FioJsonTest {
    @SuppressWarnings("unchecked")
    private static Map<String, Object> job(String text) {
        return (Map<String, Object>) ((List<Object>) MiniJson.firstObject(text).get("jobs")).getFirst();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> m, String key) {
        return (Map<String, Object>) m.get(key);
    }

    private static String fioSample() throws Exception {
        try (InputStream in = FioJsonTest.class.getResourceAsStream("/fio-3.33-randread.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String ours() throws Exception {
        return ours(false);
    }

    private static String ours(boolean bins) throws Exception {
        var spec = JobSpecs.resolve(Invocation.parse(List.of("--name=t", "--size=4m", "--rw=randread")).jobs()).getFirst();
        JobResult r = new JobResult(spec);
        for (int i = 1; i <= 1000; i++) {
            r.read.slat.record(100 + i);
            r.read.clat.record(1000 * i);
            r.read.lat.record(1000 * i + 100);
        }
        r.sync.record(5000);
        return FioJson.write(List.of(r), List.of(), io.aio4j.bench.run.DiskStats.Change.NONE, bins);
    }

    @Test
    void everyFieldToolsReadFromFioIsThereWithTheSameShape() throws Exception {
        Map<String, Object> fio = job(fioSample());
        Map<String, Object> mine = job(ours());
        for (String k : List.of("jobname", "groupid", "error", "job options", "read", "write", "trim", "sync",
                "job_runtime", "usr_cpu", "sys_cpu")) {
            assertThat(fio).containsKey(k);
            assertThat(mine).as("job field %s", k).containsKey(k);
        }
        for (String dir : List.of("read", "write", "trim")) {
            Map<String, Object> f = map(fio, dir);
            Map<String, Object> m = map(mine, dir);
            assertThat(m.keySet()).as(dir).containsAll(f.keySet());
            for (String lat : List.of("slat_ns", "clat_ns", "lat_ns")) {
                assertThat(map(m, lat).keySet()).containsAll(List.of("min", "max", "mean", "stddev", "N"));
            }
        }
        assertThat(map(mine, "sync").keySet()).containsAll(map(fio, "sync").keySet());
        assertThat(map(map(mine, "sync"), "lat_ns").keySet()).containsAll(map(map(fio, "sync"), "lat_ns").keySet());
    }

    @Test
    void etaAndElapsedAreFiosOnceEveryJobHasFinished() throws Exception {
        // fio 3.33 after its jobs: eta INT_MAX (none left to estimate), elapsed the whole seconds
        // since it started, rounded up: at least 1 however short the run
        Map<String, Object> fio = job(fioSample());
        Map<String, Object> mine = job(ours());
        assertThat(((Number) mine.get("eta")).longValue()).isEqualTo(((Number) fio.get("eta")).longValue()).isEqualTo(2147483647L);
        long before = FioJson.elapsedSeconds();
        assertThat(((Number) mine.get("elapsed")).longValue()).isGreaterThanOrEqualTo(Math.max(1, before - 1));
    }

    @Test
    void fiosRatesAreOverItsRuntimeInWholeMilliseconds() throws Exception {
        // fio 3.33's sample: bw_bytes = 1000 * io_bytes / runtime, bw = bw_bytes / 1024 (integers),
        // iops = 1000.0 * total_ios / runtime
        Map<String, Object> f = map(job(fioSample()), "read");
        long fioRuntime = ((Number) f.get("runtime")).longValue();
        assertThat(((Number) f.get("bw_bytes")).longValue()).isEqualTo(((Number) f.get("io_bytes")).longValue() * 1000 / fioRuntime);
        assertThat((Double) f.get("iops")).isCloseTo(1000.0 * ((Number) f.get("total_ios")).longValue() / fioRuntime,
                org.assertj.core.data.Offset.offset(1e-3));

        // aio4j's own figures: NormalReportLinesTest.ratesAreOverTheRuntimeInWholeMillisecondsRoundedUp
    }

    @Test
    void jsonPlusPutsTheLatencyBinsBesideEachPercentileMapAsFio() throws Exception {
        // fio 3.33 --output-format=json+: clat_ns has "bins" (ns value -> count) beside "percentile";
        // slat_ns and lat_ns, without percentiles, have neither
        Map<String, Object> read = map(job(ours(true)), "read");
        Map<String, Object> bins = map(map(read, "clat_ns"), "bins");
        assertThat(bins).isNotEmpty();
        assertThat(bins.values().stream().mapToLong(v -> ((Number) v).longValue()).sum()).isEqualTo(1000);
        assertThat(bins.keySet()).allMatch(k -> k.chars().allMatch(Character::isDigit));
        assertThat(map(read, "slat_ns")).doesNotContainKey("bins");
        assertThat(map(read, "lat_ns")).doesNotContainKey("bins");
        assertThat(map(map(job(ours(false)), "read"), "clat_ns")).doesNotContainKey("bins");
        assertThat(Invocation.parse(List.of("--output-format=json+")).json()).isTrue();
        assertThat(Invocation.parse(List.of("--output-format=json+")).jsonPlus()).isTrue();
        assertThat(Invocation.parse(List.of("--output-format=json")).jsonPlus()).isFalse();
    }

    @Test
    void percentilesAreKeyedAsFioKeysThem() throws Exception {
        Map<String, Object> fioPct = map(map(map(job(fioSample()), "read"), "clat_ns"), "percentile");
        Map<String, Object> ourPct = map(map(map(job(ours()), "read"), "clat_ns"), "percentile");
        assertThat(ourPct.keySet()).containsExactlyElementsOf(fioPct.keySet());
        assertThat(ourPct.keySet()).contains("99.000000", "99.990000", "50.000000");
        assertThat((Double) ourPct.get("50.000000")).isBetween(495_000.0, 505_000.0);
        assertThat(map(map(job(ours()), "read"), "slat_ns")).doesNotContainKey("percentile"); // slat_percentiles=0
    }

    @Test
    void iopsAndBandwidthUseFiosUnits() throws Exception {
        Map<String, Object> read = map(job(ours()), "read");
        assertThat(read.get("iops")).isInstanceOf(Double.class);
        assertThat((Double) map(read, "clat_ns").get("N")).isEqualTo(1000.0);
        assertThat((Double) map(read, "clat_ns").get("min")).isEqualTo(1000.0);
        assertThat((Double) map(read, "clat_ns").get("max")).isEqualTo(1_000_000.0);
    }

    @Test
    void latencyTablesHaveFiosKeysAndAddUpToAll() throws Exception {
        Map<String, Object> fio = job(fioSample());
        Map<String, Object> mine = job(ours());
        double total = 0;
        for (String t : List.of("latency_ns", "latency_us", "latency_ms")) {
            assertThat(map(mine, t).keySet()).as(t).containsExactlyElementsOf(map(fio, t).keySet());
            for (Object v : map(mine, t).values()) {
                total += (Double) v;
            }
        }
        assertThat(total).isCloseTo(100.0, org.assertj.core.data.Offset.offset(0.01));
        assertThat((Double) map(mine, "latency_us").get("1000")).isCloseTo(25.0, org.assertj.core.data.Offset.offset(0.5));
    }
}
