package io.aio4j.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.aio4j.bench.options.JobSpec;
import io.aio4j.bench.report.FioJson;
import io.aio4j.bench.report.NormalReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** fio's disk_util: the block devices under the jobs' files and what their counters did. */
class DiskStatsTest {
    @TempDir
    Path dir;

    @Test
    void aStatLineIsReadAsNumbers() {
        assertThat(DiskStats.fields("  190642        0  1525136    40741       70       69     1112      550        0    31000    41291\n"))
                .containsExactly(190642, 0, 1525136, 40741, 70, 69, 1112, 550, 0, 31000, 41291);
        assertThat(DiskStats.fields("")).isEmpty();
    }

    @Test
    void filesInMemoryAreOnNoDevice() {
        Path shm = Path.of("/dev/shm");
        Assumptions.assumeTrue(Files.isDirectory(shm), "no /dev/shm here");
        assertThat(DiskStats.deviceOf(shm.resolve("not-made-yet"))).isNull();
    }

    @Test
    void aFileOnADiskHasItsWholeDiskAndCountersThatOnlyGrow() throws Exception {
        String name = DiskStats.deviceOf(dir.resolve("job.0.0"));
        Assumptions.assumeTrue(name != null, "the temp directory is on no block device here (" + dir + ")");
        assertThat(Path.of("/sys/block", name, "stat")).exists(); // a whole disk, not a partition
        JobSpec spec = JobRunnerTest.spec("--filename=" + dir.resolve("job.0.0"));
        DiskStats before = DiskStats.sample(List.of(spec, spec));
        Files.write(dir.resolve("some"), new byte[1 << 20]);
        DiskStats.Change change = before.again().since(before);
        assertThat(change.devices()).singleElement().satisfies(d -> {
            assertThat(d.name()).isEqualTo(name);
            assertThat(d.readIos()).isNotNegative();
            assertThat(d.writeIos()).isNotNegative();
            assertThat(d.util(change.elapsedMillis())).isBetween(0.0, 100.0);
        });
    }

    @Test
    void theMeterCountsTheJobsIoButNotTheWarmUpsBeforeIt() throws Exception {
        Path f = dir.resolve("direct.0.0");
        Assumptions.assumeTrue(DiskStats.deviceOf(f) != null, "the temp directory is on no block device here (" + dir + ")");
        JobSpec spec = JobRunnerTest.spec("--filename=" + f, "--size=1m", "--rw=randread", "--direct=1", "--ioengine=psync");
        DiskStats.Meter meter = new DiskStats.Meter(List.of(spec));
        List<JobResult> results = BenchRun.run(List.of(spec), s -> { }, line -> { }, meter);
        assertThat(results.getFirst().error()).as(results.getFirst().errorMessage()).isZero();
        assertThat(results.getFirst().read.ios()).isEqualTo(256);
        DiskStats.Device d = meter.change().devices().getFirst();
        // the warm-up read the same file at least 11,000 times (two rounds) before the job's 256
        // (other processes on a shared machine may add some)
        assertThat(d.readIos()).isBetween(200L, 2_000L);
    }

    @Test
    void changesAddUpDeviceByDevice() {
        DiskStats.Device a = new DiskStats.Device("vda", 1, 2, 3, 4, 5, 6, 7, 8);
        DiskStats.Change one = new DiskStats.Change(List.of(a), 100);
        DiskStats.Change two = one.plus(one);
        assertThat(two.devices()).containsExactly(new DiskStats.Device("vda", 2, 4, 6, 8, 10, 12, 14, 16));
        assertThat(two.elapsedMillis()).isEqualTo(200);
        assertThat(DiskStats.Change.NONE.plus(one)).isEqualTo(one);
    }

    @Test
    void theReportsShowDevicesAsFioDoesAndNothingWithoutThem() throws Exception {
        JobSpec spec = JobRunnerTest.spec("--rw=randread");
        JobResult r = new JobResult(spec);
        var vda = new DiskStats.Device("vda", 66842, 3, 0, 2, 17352, 9, 17361, 742);
        var change = new DiskStats.Change(List.of(vda), 1000);
        assertThat(NormalReport.write(List.of(r), change))
                .endsWith("\nDisk stats (read/write):\n  vda: ios=66842/3, merge=0/2, ticks=17352/9, in_queue=17361, util=74.20%\n");
        assertThat(NormalReport.write(List.of(r))).doesNotContain("Disk stats");
        String json = FioJson.write(List.of(r), List.of(), change);
        assertThat(json).contains("\"disk_util\"").contains("\"name\" : \"vda\"").contains("\"read_ios\" : 66842")
                .contains("\"in_queue\" : 17361");
        assertThat(FioJson.write(List.of(r), List.of())).doesNotContain("disk_util");
    }
}
