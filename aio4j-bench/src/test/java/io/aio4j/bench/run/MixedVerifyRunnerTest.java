package io.aio4j.bench.run;

import static io.aio4j.bench.run.JobRunnerTest.run;
import static io.aio4j.bench.run.JobRunnerTest.spec;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.ValueLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** verify=crc32c on mixed jobs, over the in-memory backend: what is checked, and that a fault is caught. */
@Timeout(30)
class MixedVerifyRunnerTest {
    private static final int BS = 4096;
    private static final long FILE = 256 * BS;

    /** A backend whose file holds the layout FilePrep writes for a mixed verify job. */
    private static FakeBackend laidOut(int depth) {
        FakeBackend io = new FakeBackend(FILE, depth, BS);
        FilePrep.fillLayout(io.file, 0, (int) (FILE / BS), BS);
        return io;
    }

    /** Where the job's I/O went, run once on a clean backend (the plan is the same each run: randrepeat). */
    private static FakeBackend dryRun(String... opts) throws Exception {
        FakeBackend io = laidOut(16);
        io.keepLog = true;
        assertThat(run(spec(opts), io).error()).isZero();
        return io;
    }

    @Test
    void everyReadIsCheckedAndEveryWrittenBlockReadBack() throws Exception {
        FakeBackend io = laidOut(16);
        JobResult r = run(spec("--rw=randrw", "--iodepth=16", "--verify=crc32c"), io);
        assertThat(r.error()).as(r.errorMessage()).isZero();
        assertThat(r.read.ios()).isPositive();
        assertThat(r.verifiedDuringIo()).isEqualTo(r.read.ios());
        assertThat(r.verifiedAfterIo()).as("one pass writes each block once").isEqualTo(r.write.ios());
        assertThat(io.readOffsets).hasSize((int) (r.read.ios() + r.write.ios()));
        assertThat(io.overlaps).isZero();
    }

    @Test
    void sequentialAndTimeBasedMixedJobsNeverOverlapABlock() throws Exception {
        // rw=rw: the read and write cursors both start at block 0 and keep meeting
        FakeBackend seq = laidOut(16);
        JobResult r = run(spec("--rw=rw", "--iodepth=16", "--iodepth_batch_complete_min=0", "--loops=4", "--verify=crc32c"), seq);
        assertThat(r.error()).as(r.errorMessage()).isZero();
        assertThat(r.read.ios() + r.write.ios()).isEqualTo(4 * 256);
        assertThat(r.verifiedDuringIo()).isEqualTo(r.read.ios());
        assertThat(seq.overlaps).isZero();
        FakeBackend timed = laidOut(16);
        r = run(spec("--rw=randrw", "--iodepth=16", "--runtime=200ms", "--time_based", "--verify=crc32c"), timed);
        assertThat(r.error()).as(r.errorMessage()).isZero();
        assertThat(r.read.ios() + r.write.ios()).isGreaterThan(256);
        assertThat(r.verifiedDuringIo()).isEqualTo(r.read.ios());
        assertThat(timed.overlaps).isZero();
    }

    @Test
    void doVerifyZeroSkipsTheVerifyPhaseOnly() throws Exception {
        FakeBackend io = laidOut(8);
        JobResult r = run(spec("--rw=randrw", "--rwmixread=30", "--iodepth=8", "--verify=crc32c", "--do_verify=0"), io);
        assertThat(r.error()).isZero();
        assertThat(r.verifiedAfterIo()).isZero();
        assertThat(io.readOffsets).hasSize((int) r.read.ios());
        assertThat(r.verifiedDuringIo()).isEqualTo(r.read.ios());
    }

    @Test
    void aLostWriteIsCaughtInTheVerifyPhase() throws Exception {
        String[] job = {"--rw=randrw", "--iodepth=16", "--verify=crc32c"};
        long lost = dryRun(job).writeOffsets.get(40);
        FakeBackend io = laidOut(16);
        io.loseWriteAt = lost;
        JobResult r = run(spec(job), io);
        assertThat(r.error()).isEqualTo(84);
        assertThat(r.verifyFailures()).isEqualTo(1);
        assertThat(r.errorMessage()).startsWith("verify: stale block at offset " + lost + ": it holds the file layout's block,"
                + " the last acknowledged write was write generation 1");
    }

    @Test
    void aLostWriteIsCaughtByALaterReadOfTheMixedPhase() throws Exception {
        String[] job = {"--rw=randrw", "--iodepth=16", "--loops=2", "--verify=crc32c", "--do_verify=0"};
        FakeBackend dry = dryRun(job);
        long lost = -1;
        for (int i = 0; i < 256 && lost < 0; i++) { // a write of the first pass whose block the second pass reads
            long[] w = dry.log.get(i);
            if (w[0] == IoSource.WRITE && dry.log.subList(256, 512).stream().anyMatch(o -> o[0] == IoSource.READ && o[1] == w[1])) {
                lost = w[1];
            }
        }
        assertThat(lost).as("such a block in this plan").isNotNegative();
        FakeBackend io = laidOut(16);
        io.loseWriteAt = lost;
        JobResult r = run(spec(job), io);
        assertThat(r.error()).isEqualTo(84);
        assertThat(r.errorMessage()).startsWith("verify: stale block at offset " + lost);
        assertThat(r.verifiedAfterIo()).isZero();
    }

    @Test
    void aCorruptLaidOutBlockIsCaughtByAMixedRead() throws Exception {
        String[] job = {"--rw=randrw", "--iodepth=16", "--verify=crc32c"};
        long victim = dryRun(job).readOffsets.get(100);
        FakeBackend io = laidOut(16);
        io.file.set(ValueLayout.JAVA_BYTE, victim + 2000, (byte) (io.file.get(ValueLayout.JAVA_BYTE, victim + 2000) ^ 0x10));
        JobResult r = run(spec(job), io);
        assertThat(r.error()).isEqualTo(84);
        assertThat(r.errorMessage()).startsWith("verify: crc32c mismatch at offset " + victim);
        assertThat(r.verifiedAfterIo()).as("a failed job has no verify phase").isZero();
    }
}
