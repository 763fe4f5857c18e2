package io.aio4j.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.aio4j.bench.options.Invocation;
import io.aio4j.bench.options.JobSpecs;
import io.aio4j.bench.report.NormalReport;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lines of fio's normal output that depend on what a job measured. */
class NormalReportLinesTest {
    private static JobResult result() throws Exception {
        JobResult r = new JobResult(JobSpecs.resolve(Invocation.parse(List.of("--name=t", "--size=1m", "--rw=randread")).jobs()).getFirst());
        r.read.ios = 1;
        r.read.bytes = 4096;
        r.runtimeNanos = 1_000_000;
        return r;
    }

    @Test
    void bandwidthAndIopsLinesOnlyWithSamplesAsFio() throws Exception {
        JobResult none = result();
        none.read.clat.record(1_000);
        assertThat(NormalReport.write(List.of(none))).doesNotContain("bw (").doesNotContain("iops        :");

        JobResult sampled = result();
        sampled.read.clat.record(1_000);
        sampled.read.bw.sample(2048);
        sampled.read.bw.sample(4096);
        sampled.read.iops.sample(512);
        sampled.read.iops.sample(1024);
        assertThat(NormalReport.write(List.of(sampled)))
                // per: the mean, 3,072 KiB/s, of the group's 4 KiB in 1 ms (4,000 KiB/s)
                .contains("   bw (  KiB/s): min= 2048, max= 4096, per=76.80%, avg=3072.00, stdev=1448.15, samples=2\n")
                .contains("   iops        : min=  512, max= 1024, avg=768.00, stdev=362.04, samples=2\n");
    }

    @Test
    void aLatencyWithoutSamplesHasNoLineAsFiosSlatWithPsync() throws Exception {
        JobResult r = result();
        r.read.clat.record(1_500);
        r.read.lat.record(1_500);
        String report = NormalReport.write(List.of(r));
        assertThat(report).doesNotContain("slat").contains("    clat (nsec): min=1500").contains("     lat (nsec): min=1500");
        r.read.slat.record(100);
        assertThat(NormalReport.write(List.of(r))).contains("    slat (nsec): min=100");
    }

    @Test
    void ratesAreOverTheRuntimeInWholeMillisecondsRoundedUp() throws Exception {
        // as fio (FioJsonTest.fiosRatesAreOverItsRuntimeInWholeMilliseconds): 2,048 I/Os in 2.4 ms
        // are reported over 3 ms
        JobResult r = new JobResult(JobSpecs.resolve(Invocation.parse(List.of("--name=t", "--size=8m", "--rw=randread")).jobs()).getFirst());
        r.read.ios = 2048;
        r.read.bytes = 2048 * 4096L;
        r.runtimeNanos = 2_400_000;
        String json = io.aio4j.bench.report.FioJson.write(List.of(r), List.of());
        assertThat(json).contains("\"runtime\" : 3,").contains("\"bw_bytes\" : " + 8_388_608_000L / 3 + ",")
                .contains("\"bw\" : " + 8_388_608_000L / 3 / 1024 + ",").contains("\"iops\" : 682666.66");
        assertThat(NormalReport.write(List.of(r))).contains("  read: IOPS=683k, BW=2667MiB/s (2796MB/s)(8192KiB/3msec)")
                .contains("run=3-3msec");
    }

    @Test
    void aPercentileListIsReportedWithTheDecimalsItNeedsAsFio() throws Exception {
        // fio 3.33: "| 50.000th=[ 1384], 99.900th=[34560], 99.999th=[72192]" for 99.999:50:99.9,
        // "|   1th=[ 1064],   5th=[ 1192], ..." for whole numbers
        JobResult r = new JobResult(JobSpecs.resolve(Invocation.parse(List.of("--name=t", "--size=1m", "--rw=randread",
                "--percentile_list=99.999:50:99.9")).jobs()).getFirst());
        r.read.ios = 1;
        r.read.bytes = 4096;
        r.runtimeNanos = 1_000_000;
        r.read.clat.record(1_384);
        assertThat(NormalReport.write(List.of(r))).containsPattern(
                "    clat percentiles \\(nsec\\):\n     \\| 50\\.000th=\\[ 13\\d\\d\\], 99\\.900th=\\[ 13\\d\\d\\], 99\\.999th=\\[ 13\\d\\d\\]\n");
        assertThat(io.aio4j.bench.report.FioJson.write(List.of(r), List.of()))
                .contains("\"50.000000\" : ").contains("\"99.999000\" : ").doesNotContain("\"99.990000\"");
        assertThat(io.aio4j.bench.report.NormalReport.decimalsOf(List.of(1.0, 5.0))).isZero();
        assertThat(io.aio4j.bench.report.NormalReport.decimalsOf(io.aio4j.bench.options.JobSpecs.DEFAULT_PERCENTILES)).isEqualTo(2);
    }

    @Test
    void theHeaderNamesTheReadWriteAndTrimBlockSizesAsFio() throws Exception {
        // fio 3.33: "t: (g=0): rw=randrw, bs=(R) 4096B-4096B, (W) 4096B-4096B, (T) 4096B-4096B, ioengine=libaio, iodepth=4"
        var spec = JobSpecs.resolve(Invocation.parse(List.of("--name=t", "--rw=randrw", "--ioengine=libaio", "--iodepth=4")).jobs())
                .getFirst();
        assertThat(NormalReport.header(spec))
                .isEqualTo("t: (g=0): rw=randrw, bs=(R) 4096B-4096B, (W) 4096B-4096B, (T) 4096B-4096B, ioengine=libaio, iodepth=4\n");
    }

    @Test
    void perIsAJobsShareOfItsGroupsBandwidthAsFio() throws Exception {
        // fio's p_of_agg: four equal jobs of one group without group_reporting get per=25.00% each
        java.util.List<JobResult> four = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            JobResult r = result();
            r.read.bw.sample(4000); // the job's own rate: 4 KiB in 1 ms
            four.add(r);
        }
        String report = NormalReport.write(four);
        assertThat(report.split("per=25.00%", -1)).hasSize(5);
        String json = io.aio4j.bench.report.FioJson.write(four, List.of());
        assertThat(json).contains("\"bw_agg\" : 25.0");
    }
}
