package io.aio4j.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.aio4j.bench.options.Invocation;
import io.aio4j.bench.options.JobSpec;
import io.aio4j.bench.options.JobSpecs;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class JobRunnerTest {
    private static final long FILE = 256 * 4096;

    /** A job from {@code opts}, on an asynchronous engine unless they name one (psync runs at depth 1). */
    static JobSpec spec(String... opts) throws Exception {
        List<String> args = new ArrayList<>(List.of("--name=t", "--filename=/nonexistent", "--size=1m", "--ioengine=libaio"));
        args.addAll(List.of(opts));
        return JobSpecs.resolve(Invocation.parse(args).jobs()).getFirst();
    }

    static JobResult run(JobSpec spec, FakeBackend io) throws Exception {
        JobResult r = new JobResult(spec);
        new JobRunner(spec, io, r).run(FILE);
        return r;
    }

    @Test
    void randomReadVisitsEveryBlockOncePerLoop() throws Exception {
        FakeBackend io = new FakeBackend(FILE, 8, 4096);
        JobResult r = run(spec("--rw=randread", "--iodepth=8", "--loops=2"), io);
        assertThat(io.readOffsets).hasSize(512);
        assertThat(io.readOffsets.subList(0, 256)).doesNotHaveDuplicates().allMatch(o -> o % 4096 == 0 && o < FILE);
        assertThat(io.readOffsets.subList(0, 256)).isNotEqualTo(io.readOffsets.subList(0, 256).stream().sorted().toList());
        assertThat(r.read.ios()).isEqualTo(512);
        assertThat(r.read.bytes()).isEqualTo(512 * 4096L);
        assertThat(r.read.clat.count()).isEqualTo(512);
        assertThat(r.read.slat.count()).isEqualTo(512);
        assertThat(r.write.ios()).isZero();
        assertThat(io.maxInFlight).isLessThanOrEqualTo(8);
    }

    @Test
    void aSynchronousEngineRecordsNoSlatAndItsSubmitCallAsClatAsFioDoes() throws Exception {
        // fio's psync: slat N=0, clat the pread itself; the fake does the I/O in submit and sleeps
        // 2 ms in each reap, which only an asynchronous engine's clat includes
        long bytes = 16 * 4096;
        FakeBackend sync = new FakeBackend(bytes, 1, 4096);
        sync.reapSleepMillis = 2;
        JobResult s = new JobResult(spec("--rw=randread", "--size=64k", "--ioengine=psync"));
        new JobRunner(spec("--rw=randread", "--size=64k", "--ioengine=psync"), sync, s).run(bytes);
        assertThat(s.read.ios()).isEqualTo(16);
        assertThat(s.read.slat.count()).isZero();
        assertThat(s.read.clat.count()).isEqualTo(16);
        assertThat(s.read.lat.count()).isEqualTo(16);
        assertThat(s.read.clat.max()).as("the reap's sleep is not in it").isLessThan(2_000_000);
        assertThat(s.read.lat.max()).isLessThan(2_000_000);

        FakeBackend async = new FakeBackend(bytes, 1, 4096);
        async.reapSleepMillis = 2;
        JobResult a = new JobResult(spec("--rw=randread", "--size=64k"));
        new JobRunner(spec("--rw=randread", "--size=64k"), async, a).run(bytes);
        assertThat(a.read.slat.count()).isEqualTo(16);
        assertThat(a.read.clat.min()).as("libaio: until the reap").isGreaterThanOrEqualTo(2_000_000);
    }

    @Test
    void aTimeBasedJobSamplesEveryWholeWindowBeforeItsRuntimeEndsAsFio() throws Exception {
        // fio 3.33, runtime=1s/2s/3s time-based: 1/3/5 bw and iops samples (every 500 ms, none at the end)
        JobResult r = run(spec("--rw=randread", "--time_based", "--runtime=1s", "--aio4j_warmup=0"), new FakeBackend(FILE, 1, 4096));
        assertThat(r.read.bw.samples()).isEqualTo(1);
        assertThat(r.read.iops.samples()).isEqualTo(1);
    }

    @Test
    void writeBuffersHoldOneSeededRandomSequenceBufferAfterBuffer() throws Exception {
        FakeBackend io = new FakeBackend(FILE, 3, 1000); // 125 longs a buffer
        new JobRunner(spec("--rw=randwrite", "--iodepth=3", "--bs=1000"), io, new JobResult(spec("--rw=randwrite")));
        java.util.SplittableRandom expected = new java.util.SplittableRandom(42);
        for (int b = 0; b < 3; b++) {
            for (int k = 0; k < 125; k++) {
                assertThat(io.buffers[b].get(java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED, k * 8L))
                        .as("buffer %d, long %d", b, k).isEqualTo(expected.nextLong());
            }
        }
        FakeBackend reads = new FakeBackend(FILE, 1, 4096);
        new JobRunner(spec("--rw=randread"), reads, new JobResult(spec("--rw=randread")));
        assertThat(reads.buffers[0].get(java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED, 0)).as("a read job's buffer is left alone").isZero();
    }

    @Test
    void sequentialWriteGoesInOrder() throws Exception {
        FakeBackend io = new FakeBackend(FILE, 4, 4096);
        run(spec("--rw=write", "--iodepth=4"), io);
        assertThat(io.writeOffsets).hasSize(256);
        for (int i = 0; i < 256; i++) {
            assertThat(io.writeOffsets.get(i)).isEqualTo(i * 4096L);
        }
    }

    @Test
    void submitsInBatchesOfIodepthBatchSubmit() throws Exception {
        FakeBackend io = new FakeBackend(FILE, 16, 4096);
        run(spec("--rw=randread", "--iodepth=16", "--iodepth_batch_submit=4", "--iodepth_batch_complete_min=4"), io);
        assertThat(io.batchSizes).allMatch(n -> n <= 4);
        assertThat(io.batchSizes.stream().filter(n -> n == 4).count()).isGreaterThan(io.batchSizes.size() / 2);
        FakeBackend one = new FakeBackend(FILE, 16, 4096);
        run(spec("--rw=randread", "--iodepth=16"), one);
        assertThat(one.batchSizes).containsOnly(1);
    }

    @Test
    void fsyncEveryNWritesAndMixFollowsRwmixread() throws Exception {
        FakeBackend io = new FakeBackend(FILE, 8, 4096);
        io.keepLog = true;
        JobResult r = run(spec("--rw=randrw", "--rwmixread=75", "--iodepth=8", "--fsync=10"), io);
        assertThat(r.read.ios() + r.write.ios()).isEqualTo(256);
        assertThat(r.read.ios()).isBetween(150L, 230L);
        // one after each 10th write, unless that write was the job's last I/O (as fio)
        boolean endsOnATenth = io.log.getLast()[0] == IoSource.WRITE && r.write.ios() % 10 == 0;
        assertThat(io.fsyncs).isEqualTo((int) (r.write.ios() / 10) - (endsOnATenth ? 1 : 0));
        assertThat(r.sync.count()).isEqualTo(io.fsyncs);
    }

    @Test
    void endFsyncSyncsOnceAfterTheLastWriteInsideTheRuntimeButNotAmongTheSyncs() throws Exception {
        // fio 3.33, a 64 MiB write job: sync total_ios 0 with end_fsync=1 or fsync_on_close=1, and
        // the runtime includes the fsync (186 ms against 60)
        for (String option : List.of("--end_fsync=1", "--fsync_on_close=1")) {
            FakeBackend io = new FakeBackend(FILE, 4, 4096);
            JobResult r = run(spec("--rw=write", "--iodepth=4", option), io);
            assertThat(io.fsyncs).as(option).isEqualTo(1);
            assertThat(io.writesBeforeLastFsync).isEqualTo(256);
            assertThat(r.sync.count()).isZero();
            assertThat(r.error()).isZero();
        }
        FakeBackend reads = new FakeBackend(FILE, 4, 4096);
        run(spec("--rw=read", "--end_fsync=1"), reads);
        assertThat(reads.fsyncs).as("a job that writes nothing").isZero();
        FakeBackend both = new FakeBackend(FILE, 4, 4096);
        JobResult r = run(spec("--rw=write", "--fsync=64", "--end_fsync=1"), both);
        assertThat(both.fsyncs).as("3 between, 1 at the end").isEqualTo(4);
        assertThat(r.sync.count()).isEqualTo(3);
    }

    @Test
    void gtodReduceCountsTheIoButTakesNoLatencyAndNoSampleAsFio() throws Exception {
        // fio 3.33 with gtod_reduce=1: slat, clat and lat N=0, no percentiles, 0 bw/iops samples
        JobResult r = run(spec("--rw=randrw", "--iodepth=4", "--gtod_reduce=1", "--time_based", "--runtime=600ms",
                "--aio4j_warmup=0"), new FakeBackend(FILE, 4, 4096));
        assertThat(r.read.ios() + r.write.ios()).isGreaterThan(256);
        for (DirectionStats d : List.of(r.read, r.write)) {
            assertThat(d.slat.count()).isZero();
            assertThat(d.clat.count()).isZero();
            assertThat(d.lat.count()).isZero();
            assertThat(d.bw.samples()).isZero();
            assertThat(d.iops.samples()).isZero();
        }
        JobResult timed = run(spec("--rw=randrw", "--iodepth=4", "--time_based", "--runtime=600ms", "--aio4j_warmup=0"),
                new FakeBackend(FILE, 4, 4096));
        assertThat(timed.read.clat.count()).isEqualTo(timed.read.ios());
        assertThat(timed.read.bw.samples()).as("the window at 500 ms").isEqualTo(1);
        JobResult syncs = run(spec("--rw=write", "--ioengine=psync", "--gtod_reduce=1", "--fsync=16"), new FakeBackend(FILE, 1, 4096));
        assertThat(syncs.sync.count()).isEqualTo(15);
        assertThat(syncs.sync.max()).as("an fsync's latency is measured from its own issue").isBetween(0L, 1_000_000_000L);
    }

    @Test
    void ioSizeNumberIosAndNorandommapSetHowMuchAndWhereAsFio() throws Exception {
        // fio 3.33 on a 4 MiB region of 4 KiB blocks: io_size=8m 2,048 reads, io_size=1m 256,
        // number_ios=100 100, io_size=1m with 2 loops 512, norandommap 1,024 (with repeats)
        FakeBackend twice = new FakeBackend(FILE, 4, 4096);
        JobResult r = run(spec("--rw=randread", "--iodepth=4", "--io_size=2m"), twice);
        assertThat(r.read.ios()).isEqualTo(512);
        assertThat(twice.readOffsets.stream().distinct().count()).as("each block once per pass, two passes").isEqualTo(256);
        FakeBackend part = new FakeBackend(FILE, 4, 4096);
        assertThat(run(spec("--rw=read", "--io_limit=256k"), part).read.ios()).isEqualTo(64);
        assertThat(part.readOffsets.getLast()).isEqualTo(63 * 4096L);
        FakeBackend capped = new FakeBackend(FILE, 4, 4096);
        assertThat(run(spec("--rw=randread", "--number_ios=100", "--loops=2"), capped).read.ios()).isEqualTo(200);
        FakeBackend loops = new FakeBackend(FILE, 4, 4096);
        run(spec("--rw=read", "--io_size=256k", "--loops=2"), loops);
        assertThat(loops.readOffsets.get(64)).as("a loop starts the region over").isZero();
        FakeBackend free = new FakeBackend(FILE, 4, 4096);
        assertThat(run(spec("--rw=randread", "--norandommap"), free).read.ios()).isEqualTo(256);
        assertThat(free.readOffsets.stream().distinct().count()).as("blocks drawn with repeats").isLessThan(256)
                .isGreaterThan(100);
        assertThat(free.readOffsets).allMatch(o -> o % 4096 == 0 && o < FILE);
    }

    @Test
    void anOffsetMovesTheRegionAndIsCheckedNamingTheValue() throws Exception {
        FakeBackend io = new FakeBackend(2 * FILE, 4, 4096);
        JobSpec spec = spec("--rw=randread", "--iodepth=4", "--offset=1m", "--size=1m");
        assertThat(spec.offset()).isEqualTo(1L << 20);
        JobResult r = new JobResult(spec);
        new JobRunner(spec, io, r).run(FILE);
        assertThat(r.read.ios()).isEqualTo(256);
        assertThat(io.readOffsets).allMatch(o -> o >= FILE && o < 2 * FILE).doesNotHaveDuplicates();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> spec("--offset=10%"))
                .hasMessageContaining("--offset=10%").hasMessageContaining("percentage");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> spec("--offset=100", "--direct=1"))
                .hasMessageContaining("--offset=100").hasMessageContaining("512");
    }

    @Test
    void aVerifiedMixedJobWithAnOffsetChecksItsRegionOnly() throws Exception {
        FakeBackend io = new FakeBackend(2 * FILE, 8, 4096);
        FilePrep.fillLayout(io.file.asSlice(FILE, FILE), FILE, (int) (FILE / 4096), 4096); // the region's layout
        JobSpec spec = spec("--rw=randrw", "--iodepth=8", "--offset=1m", "--size=1m", "--verify=crc32c");
        JobResult r = new JobResult(spec);
        new JobRunner(spec, io, r).run(FILE);
        assertThat(r.error()).as(r.errorMessage()).isZero();
        assertThat(r.verifiedDuringIo()).isEqualTo(r.read.ios()).isPositive();
        assertThat(r.verifiedAfterIo()).isEqualTo(r.write.ios()).isPositive();
        assertThat(io.readOffsets).allMatch(o -> o >= FILE && o < 2 * FILE);
        assertThat(io.file.asSlice(0, FILE).asByteBuffer()).as("nothing before the offset written")
                .isEqualTo(java.nio.ByteBuffer.allocate((int) FILE));
    }

    @Test
    void noFsyncAfterTheJobsLastWriteAsFio() throws Exception {
        // fio 3.33: 1,024 writes with fsync=16 do 63 fsyncs; 2 loops 127; fsync=1000 does 1
        FakeBackend one = new FakeBackend(FILE, 4, 4096);
        JobResult r = run(spec("--rw=randwrite", "--iodepth=4", "--fsync=16"), one);
        assertThat(r.write.ios()).isEqualTo(256);
        assertThat(one.fsyncs).isEqualTo(15);
        assertThat(one.writesBeforeLastFsync).isEqualTo(240);
        FakeBackend two = new FakeBackend(FILE, 4, 4096);
        run(spec("--rw=write", "--iodepth=4", "--fsync=16", "--loops=2"), two);
        assertThat(two.fsyncs).as("the first loop's last one comes before the second loop's first write").isEqualTo(31);
        FakeBackend few = new FakeBackend(FILE, 4, 4096);
        run(spec("--rw=write", "--fsync=100"), few);
        assertThat(few.fsyncs).isEqualTo(2);
    }

    @Test
    void verifyReadsBackWhatWasWritten() throws Exception {
        FakeBackend io = new FakeBackend(FILE, 4, 4096);
        JobResult r = run(spec("--rw=randwrite", "--iodepth=4", "--verify=crc32c"), io);
        assertThat(r.error()).isZero();
        assertThat(r.verifyFailures()).isZero();
        assertThat(io.readOffsets).hasSize(256); // the verify phase
        assertThat(r.read.ios()).isZero(); // verify reads are not reported as the job's reads
    }

    @Test
    void verifyCatchesACorruptBlock() throws Exception {
        FakeBackend io = new FakeBackend(FILE, 4, 4096);
        JobSpec write = spec("--rw=write", "--iodepth=4", "--verify=crc32c", "--do_verify=0");
        assertThat(run(write, io).error()).isZero();
        io.file.set(java.lang.foreign.ValueLayout.JAVA_BYTE, 7 * 4096 + 100, (byte) 0x55);
        io.file.set(java.lang.foreign.ValueLayout.JAVA_BYTE, 7 * 4096 + 101, (byte) 0xAA);
        JobResult r = run(spec("--rw=read", "--iodepth=4", "--verify=crc32c"), io);
        assertThat(r.error()).isEqualTo(84);
        assertThat(r.errorMessage()).contains("crc32c mismatch at offset " + 7 * 4096);
    }

    @Test
    void aFailedIoEndsTheJobWithItsErrno() throws Exception {
        FakeBackend io = new FakeBackend(FILE, 4, 4096);
        io.failAtOffset = 10 * 4096;
        JobResult r = run(spec("--rw=read", "--iodepth=4"), io);
        assertThat(r.error()).isEqualTo(5);
        assertThat(r.errorMessage()).contains("read at offset 40960");
        assertThat(io.readOffsets.size()).isLessThan(256);
        assertThat(io.inFlight).isZero();
    }

    @Test
    void timeBasedRunsUntilTheRuntimeRepeatingPasses() throws Exception {
        FakeBackend io = new FakeBackend(FILE, 4, 4096);
        // no JVM warm-up, as in rampTimeIsNotRecorded: a GC pause after 2 s of boxed offsets could swallow the 200 ms
        JobResult r = run(spec("--rw=randread", "--iodepth=4", "--runtime=200ms", "--time_based", "--aio4j_warmup=0"), io);
        assertThat(r.read.ios()).isGreaterThan(256);
        assertThat(r.runtimeNanos()).isGreaterThanOrEqualTo(200_000_000L);
    }

    @Test
    void rampTimeIsNotRecorded() throws Exception {
        FakeBackend io = new FakeBackend(FILE, 4, 4096);
        // no JVM warm-up: this fake completes at submit, and 2 s of it filled readOffsets with tens of
        // millions of boxed offsets, whose GC pauses could swallow the whole 200 ms measured window
        JobResult r = run(spec("--rw=randread", "--iodepth=4", "--runtime=200ms", "--ramp_time=100ms", "--time_based",
                "--aio4j_warmup=0"), io);
        assertThat(r.read.ios()).isPositive().isLessThan(io.readOffsets.size());
        assertThat(r.read.slat.count()).isEqualTo(r.read.ios());
        assertThat(r.read.clat.count()).isEqualTo(r.read.ios());
    }
}
