package io.aio4j.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.aio4j.bench.options.JobSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which waves get the JIT warm-up before their jobs, and how many rounds (BenchRun.warmUpPlan). */
class WarmUpRuleTest {
    private static final Path SHM = Path.of("/dev/shm");

    @TempDir
    Path disk;

    private static boolean warms(JobSpec spec, int jobs, long fileBytes) {
        return plan(spec, jobs, fileBytes).rounds() > 0;
    }

    private static BenchRun.WarmUpPlan plan(JobSpec spec, int jobs, long fileBytes) {
        List<JobSpec> specs = Collections.nCopies(jobs, spec);
        List<JobResult> results = new ArrayList<>();
        for (JobSpec s : specs) {
            results.add(new JobResult(s));
        }
        long[] sizes = new long[jobs];
        java.util.Arrays.fill(sizes, fileBytes);
        return BenchRun.warmUpPlan(specs, results, sizes);
    }

    private static Path shmFile() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(SHM) && Files.isWritable(SHM), "no writable /dev/shm here");
        Path f = Files.createTempFile(SHM, "aio4j-warm", ".bin");
        f.toFile().deleteOnExit();
        return f;
    }

    @Test
    void moreJobsThanProcessorsWarmUpWhereverTheirFilesAre() throws Exception {
        Path f = Files.createFile(disk.resolve("many"));
        JobSpec spec = JobRunnerTest.spec("--filename=" + f, "--size=256k", "--bs=1k", "--rw=randrw");
        BenchRun.WarmUpPlan p = plan(spec, Runtime.getRuntime().availableProcessors() + 1, 256 * 1024);
        assertThat(p.rounds()).as("at most").isEqualTo(BenchRun.MAX_ROUNDS);
        assertThat(p.manyJobs()).isTrue();
        assertThat(plan(spec, 1, 256 * 1024).manyJobs()).isFalse();
    }

    @Test
    void everySizeBasedJobWarmsUpShortOnesTooUnlessAColdJvmIsAsked() throws Exception {
        Path f = shmFile();
        JobSpec big = JobRunnerTest.spec("--filename=" + f, "--size=512m", "--bs=4k", "--rw=randread");
        assertThat(plan(big, 1, 512L << 20)).isEqualTo(new BenchRun.WarmUpPlan(BenchRun.MAX_ROUNDS, WarmUpSite.JOB_FILE, false));
        JobSpec small = JobRunnerTest.spec("--filename=" + f, "--size=8m", "--bs=4k", "--rw=randrw");
        assertThat(plan(small, 1, 8L << 20).site()).as("2,048 I/Os on memory").isEqualTo(WarmUpSite.JOB_FILE);
        JobSpec cold = JobRunnerTest.spec("--filename=" + f, "--size=512m", "--bs=4k", "--rw=randread", "--aio4j_warmup=0");
        assertThat(warms(cold, 1, 512L << 20)).as("--aio4j_warmup=0: a cold JVM").isFalse();
        assertThat(warms(cold, 64, 512L << 20)).isFalse();
    }

    @Test
    void onADiskTheWarmUpUsesTheJobsFileOnlyWhereItLeavesNoTraceAndAScratchFileElsewhere() throws Exception {
        Path f = Files.createFile(disk.resolve("one"));
        Assumptions.assumeFalse(FilePrep.memoryBacked(f), "the temp directory is in memory here");
        JobSpec reads = JobRunnerTest.spec("--filename=" + f, "--size=1g", "--bs=4k", "--rw=randread");
        assertThat(plan(reads, 1, 1L << 30).site()).as("buffered reads, invalidated again after the warm-up")
                .isEqualTo(WarmUpSite.JOB_FILE);
        JobSpec kept = JobRunnerTest.spec("--filename=" + f, "--size=1g", "--bs=4k", "--rw=randread", "--invalidate=0");
        assertThat(plan(kept, 1, 1L << 30).site()).as("invalidate=0: the warm-up's pages would stay cached")
                .isEqualTo(WarmUpSite.SCRATCH);
        JobSpec writes = JobRunnerTest.spec("--filename=" + f, "--size=1g", "--bs=4k", "--rw=randrw");
        assertThat(plan(writes, 1, 1L << 30).site()).as("buffered writes: written back during the job")
                .isEqualTo(WarmUpSite.SCRATCH);
        assertThat(plan(writes, 64, 1L << 30).site()).isEqualTo(WarmUpSite.SCRATCH);
        JobSpec direct = JobRunnerTest.spec("--filename=" + f, "--size=1g", "--bs=4k", "--rw=randrw", "--direct=1");
        assertThat(plan(direct, 1, 1L << 30).site()).isEqualTo(WarmUpSite.JOB_FILE);
    }

    @Test
    void withoutAWritableDirectoryABufferedWriteJobGetsNoWarmUpUnlessItIsOneOfMany() throws Exception {
        Path dir = Files.createDirectory(disk.resolve("ro"));
        Path f = Files.createFile(dir.resolve("one"));
        Assumptions.assumeFalse(FilePrep.memoryBacked(f), "the temp directory is in memory here");
        Assumptions.assumeTrue(dir.toFile().setWritable(false, false), "cannot make the directory read-only");
        try {
            Assumptions.assumeFalse(Files.isWritable(dir), "running as a user who writes anywhere (root)");
            JobSpec writes = JobRunnerTest.spec("--filename=" + f, "--size=1m", "--bs=4k", "--rw=randwrite");
            assertThat(plan(writes, 1, 1L << 20)).isEqualTo(BenchRun.WarmUpPlan.NONE);
            assertThat(plan(writes, 64, 1L << 20).site()).isEqualTo(WarmUpSite.JOB_FILE);
        } finally {
            dir.toFile().setWritable(true, false);
        }
    }

    @Test
    void aScratchFileCoversWholeBlocksUpToItsBoundHoldsDataForReadsAndIsDeletedOnClose() throws Exception {
        Path f = Files.createFile(disk.resolve("job"));
        JobSpec reads = JobRunnerTest.spec("--filename=" + f, "--size=1g", "--bs=3k", "--rw=randread", "--invalidate=0");
        Path made;
        try (WarmUpSite.Scratch s = WarmUpSite.scratchFor(reads, 1L << 30)) {
            made = s.spec().file();
            assertThat(made.getParent()).isEqualTo(f.getParent());
            assertThat(made).isNotEqualTo(f);
            assertThat(s.bytes()).isEqualTo(WarmUpSite.SCRATCH_MAX_BYTES / 3072 * 3072);
            assertThat(Files.size(made)).isEqualTo(s.bytes());
            assertThat(s.spec().workload()).isEqualTo(reads.workload());
            assertThat(s.spec().blockSize()).isEqualTo(3072);
        }
        assertThat(made).doesNotExist();
        assertThat(f).hasSize(0);
        JobSpec small = JobRunnerTest.spec("--filename=" + f, "--size=10k", "--bs=4k", "--rw=randwrite", "--offset=1g");
        try (WarmUpSite.Scratch s = WarmUpSite.scratchFor(small, 10 * 1024)) {
            assertThat(s.bytes()).as("the job's whole blocks").isEqualTo(8192);
            assertThat(s.spec().offset()).as("from the scratch file's start").isZero();
            assertThat(Files.size(s.spec().file())).isEqualTo(8192);
        }
    }

    @Test
    void timeBasedAndVerifyJobsNeverWarmUp() throws Exception {
        Path f = shmFile();
        JobSpec timed = JobRunnerTest.spec("--filename=" + f, "--size=512m", "--bs=4k", "--rw=randread",
                "--time_based", "--runtime=1s");
        assertThat(warms(timed, 64, 512L << 20)).isFalse();
        JobSpec verify = JobRunnerTest.spec("--filename=" + f, "--size=512m", "--bs=4k", "--rw=randwrite",
                "--verify=crc32c");
        assertThat(warms(verify, 64, 512L << 20)).isFalse();
    }
}
