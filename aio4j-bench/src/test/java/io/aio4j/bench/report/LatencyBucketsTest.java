package io.aio4j.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.aio4j.bench.options.Invocation;
import io.aio4j.bench.options.JobSpecs;
import io.aio4j.bench.run.JobResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** fio's latency_ns/us/ms tables: reads and writes together, by completion latency (fio's io_u_mark_latency). */
class LatencyBucketsTest {
    @Test
    void eachLatencyLandsInItsTableAndBucket() throws Exception {
        var spec = JobSpecs.resolve(Invocation.parse(List.of("--name=t", "--size=1m", "--rw=randrw")).jobs()).getFirst();
        JobResult r = new JobResult(spec);
        for (int i = 0; i < 50; i++) {
            r.read.clat.record(500); // 500 ns: ns table, below 750
            r.write.clat.record(5_000); // 5 us: us table, below 10
            r.write.clat.record(3_000_000); // 3 ms: ms table, below 4
            r.read.clat.record(5_000_000_000L); // 5 s: ms table, >=2000
            r.read.lat.record(900_000); // the total latency is not what fio counts there
        }
        Map<String, Map<String, Double>> t = LatencyBuckets.of(r);
        assertThat(t.keySet()).containsExactly("ns", "us", "ms");
        assertThat(t.get("ns").get("750")).isEqualTo(25.0);
        assertThat(t.get("us").get("10")).isEqualTo(25.0);
        assertThat(t.get("ms").get("4")).isEqualTo(25.0);
        assertThat(t.get("ms").get(">=2000")).isEqualTo(25.0);
        double sum = t.values().stream().flatMap(m -> m.values().stream()).mapToDouble(Double::doubleValue).sum();
        assertThat(sum).isEqualTo(100.0);
    }

    @Test
    void withLibaioOnMemoryTheTablesFollowClatAsFiosDo() throws Exception {
        // fio 3.33, 4k randread at depth 1 on /dev/shm with libaio: slat 1,608 ns, clat 356 ns,
        // lat 1,964 ns on average, and latency_ns {500: 98.7, 750: 1.0, 1000: 0.1}, latency_us
        // {2: 0.07, ...}: the tables are clat's
        var spec = JobSpecs.resolve(Invocation.parse(List.of("--name=t", "--size=1m", "--rw=randread")).jobs()).getFirst();
        JobResult r = new JobResult(spec);
        for (int i = 0; i < 100; i++) {
            r.read.slat.record(1_600);
            r.read.clat.record(400);
            r.read.lat.record(2_000);
        }
        Map<String, Map<String, Double>> t = LatencyBuckets.of(r);
        assertThat(t.get("ns").get("500")).isEqualTo(100.0);
        assertThat(t.get("us").get("2")).isZero();
        assertThat(r.read.lat.percentile(50)).as("no lat histogram without lat_percentiles").isZero();
        assertThat(r.read.lat.mean()).isEqualTo(2_000.0);
    }

    @Test
    void aBucketWithAnyIoShowsAtLeastAHundredthAsFiosDo() throws Exception {
        var spec = JobSpecs.resolve(Invocation.parse(List.of("--name=t", "--size=1m", "--rw=randread")).jobs()).getFirst();
        JobResult r = new JobResult(spec);
        for (int i = 0; i < 100_000; i++) {
            r.read.clat.record(i == 0 ? 30_000 : 300); // one I/O in 100,000 at 30 us: 0.001 %
        }
        Map<String, Map<String, Double>> t = LatencyBuckets.of(r);
        assertThat(t.get("us").get("50")).isEqualTo(0.01);
        assertThat(t.get("ns").get("500")).isEqualTo(99.999);
        assertThat(t.get("us").get("100")).isZero();
    }

    @Test
    void theNormalReportPrintsFiveBucketsALineAsFioDoes() throws Exception {
        var spec = JobSpecs.resolve(Invocation.parse(List.of("--name=t", "--size=1m", "--rw=randread")).jobs()).getFirst();
        JobResult r = new JobResult(spec);
        for (long us : new long[] {1, 3, 8, 15, 40, 90, 200}) { // seven us buckets: 2, 4, 10, 20, 50, 100, 250
            r.read.clat.record(us * 1_000);
        }
        String report = NormalReport.write(List.of(r));
        assertThat(report).contains("  lat (usec)   : 2=14.29%, 4=14.29%, 10=14.29%, 20=14.29%, 50=14.29%\n"
                + "  lat (usec)   : 100=14.29%, 250=14.29%\n");
    }

    @Test
    void noIoGivesZeroes() throws Exception {
        var spec = JobSpecs.resolve(Invocation.parse(List.of("--name=t", "--size=1m")).jobs()).getFirst();
        Map<String, Map<String, Double>> t = LatencyBuckets.of(new JobResult(spec));
        assertThat(t.get("us").values()).allMatch(v -> v == 0.0);
    }
}
