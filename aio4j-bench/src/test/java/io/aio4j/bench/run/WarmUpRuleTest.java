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

/** Which waves get the JIT warm-up before their jobs, and how many rounds (BenchRun.warmUpRounds). */
class WarmUpRuleTest {
    private static final Path SHM = Path.of("/dev/shm");

    @TempDir
    Path disk;

    private static boolean warms(JobSpec spec, int jobs, long fileBytes) {
        return rounds(spec, jobs, fileBytes) > 0;
    }

    private static int rounds(JobSpec spec, int jobs, long fileBytes) {
        List<JobSpec> specs = Collections.nCopies(jobs, spec);
        List<JobResult> results = new ArrayList<>();
        for (JobSpec s : specs) {
            results.add(new JobResult(s));
        }
        long[] sizes = new long[jobs];
        java.util.Arrays.fill(sizes, fileBytes);
        return BenchRun.warmUpRounds(specs, results, sizes);
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
        assertThat(rounds(spec, Runtime.getRuntime().availableProcessors() + 1, 256 * 1024)).as("at most").isEqualTo(6);
    }

    @Test
    void aLongJobOnMemoryWarmsUpAndAShortOneDoesNot() throws Exception {
        Path f = shmFile();
        JobSpec big = JobRunnerTest.spec("--filename=" + f, "--size=512m", "--bs=4k", "--rw=randread");
        assertThat(rounds(big, 1, 512L << 20)).as("131,072 I/Os").isEqualTo(1);
        JobSpec small = JobRunnerTest.spec("--filename=" + f, "--size=64m", "--bs=4k", "--rw=randread");
        assertThat(warms(small, 1, 64L << 20)).as("16,384 I/Os").isFalse();
        JobSpec looped = JobRunnerTest.spec("--filename=" + f, "--size=64m", "--bs=4k", "--rw=randread", "--loops=8");
        assertThat(warms(looped, 1, 64L << 20)).as("8 loops of 16,384 I/Os").isTrue();
        JobSpec cold = JobRunnerTest.spec("--filename=" + f, "--size=512m", "--bs=4k", "--rw=randread", "--aio4j_warmup=0");
        assertThat(warms(cold, 1, 512L << 20)).as("--aio4j_warmup=0: a cold JVM").isFalse();
        assertThat(warms(cold, 64, 512L << 20)).isFalse();
    }

    @Test
    void aLongJobOnADiskWarmsUpOnlyWhereItLeavesNoTrace() throws Exception {
        Path f = Files.createFile(disk.resolve("one"));
        Assumptions.assumeFalse(FilePrep.memoryBacked(f), "the temp directory is in memory here");
        JobSpec reads = JobRunnerTest.spec("--filename=" + f, "--size=1g", "--bs=4k", "--rw=randread");
        assertThat(warms(reads, 1, 1L << 30)).as("buffered reads, invalidated again after the warm-up").isTrue();
        JobSpec kept = JobRunnerTest.spec("--filename=" + f, "--size=1g", "--bs=4k", "--rw=randread", "--invalidate=0");
        assertThat(warms(kept, 1, 1L << 30)).as("invalidate=0: the warm-up's pages would stay cached").isFalse();
        JobSpec writes = JobRunnerTest.spec("--filename=" + f, "--size=1g", "--bs=4k", "--rw=randrw");
        assertThat(warms(writes, 1, 1L << 30)).as("buffered writes: written back during the job").isFalse();
        JobSpec direct = JobRunnerTest.spec("--filename=" + f, "--size=1g", "--bs=4k", "--rw=randrw", "--direct=1");
        assertThat(warms(direct, 1, 1L << 30)).isTrue();
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
