package io.aio4j.bench.run;

import io.aio4j.IoErrors;
import io.aio4j.bench.options.JobSpec;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Drives one job through an {@link IoBackend} the way fio's do_io drives an ioengine: keep
 * {@code iodepth} requests in flight, submit in batches of {@code iodepth_batch_submit}, and when
 * the queue is full (or nothing more is to be issued) reap at least
 * {@code min(iodepth_batch_complete_min, in flight)} and at most
 * {@code iodepth_batch_complete_max}. Per I/O it records slat (preparation to the return of the
 * submit call), clat (that return to the reap) and lat (both); with a synchronous engine (psync,
 * sync), whose submit call does the I/O, as fio does for those: no slat, and clat and lat the
 * submit call. With gtod_reduce, as fio, none of them and no bw/iops samples: a clock read per
 * submit call and per reap instead of three per I/O. Everything is preallocated: the
 * loop allocates nothing, except once at the end of ramp_time and on errors.
 *
 * <p>Runs on the job's thread; not thread-safe. {@link #progress()} may be read by any thread.
 */
public final class JobRunner {
    private static final long SAMPLE_NANOS = 500_000_000L; // fio's bw_avg_time / iops_avg_time
    /** The sampling period: fio's, except in the warm-up, which must take the sampling branch too. */
    private long samplePeriod = SAMPLE_NANOS;

    private final JobSpec spec;
    private final IoBackend io;
    private final JobResult result;
    private final int depth;
    /** psync and sync: the I/O is done when submit returns (see {@link io.aio4j.bench.options.IoEngine#synchronous}). */
    private final boolean synchronous;
    /** Per-I/O latencies and bw/iops samples are taken: not with gtod_reduce (fio's disable_lat/bw). */
    private final boolean timed;
    private final int[] free;
    private int freeTop;
    private final int[] pending;
    private int pendingCount;
    private int inFlight;
    private final int[] ops;
    private final long[] offsets;
    private final long[] prepTimes;
    private final long[] submitTimes;
    /** Whether the I/O in a slot was submitted after the ramp (only those are recorded). */
    private final boolean[] measuredSlot;
    private final int[] doneSlots;
    private final long[] doneResults;
    private final MemorySegment[] buffers;
    /** verify=crc32c: fills writes, checks reads, tracks blocks; made per run (sized for the file), null without verify. */
    private Verifier verifier;
    private final AtomicLong progress = new AtomicLong();
    private boolean measuring;
    private CpuTimes cpuStart;
    /** Whether run() reads the process's CPU time itself; false when the wave measures it (see BenchRun). */
    private boolean ownCpu = true;
    private long completedIos;
    // the state of the running loop (see loop()): its source, limits, clock and sampling window
    private IoSource source;
    private long measureStart;
    private long deadline;
    private long now;
    private long nextSample;
    private long sampleStart;
    private boolean issuing;
    /**
     * When to drop the file's page cache again: the end of the JVM warm-up, for a buffered job
     * with invalidate=1. fio drops it once, before a job whose process needs no warm-up; the
     * warm-up's reads would otherwise leave a "cold cache" job measuring a partly warm one.
     */
    private long invalidateAt = Long.MAX_VALUE;

    /** A runner for {@code spec} over {@code io}, filling {@code result}. */
    public JobRunner(JobSpec spec, IoBackend io, JobResult result) {
        this.spec = spec;
        this.synchronous = spec.engine().synchronous();
        this.timed = !spec.gtodReduce();
        this.io = io;
        this.result = result;
        this.depth = spec.iodepth();
        this.free = new int[depth];
        for (int i = 0; i < depth; i++) {
            free[i] = depth - 1 - i;
        }
        this.freeTop = depth;
        this.pending = new int[depth];
        this.ops = new int[depth];
        this.offsets = new long[depth];
        this.prepTimes = new long[depth];
        this.submitTimes = new long[depth];
        this.measuredSlot = new boolean[depth];
        this.doneSlots = new int[depth];
        this.doneResults = new long[depth];
        this.buffers = new MemorySegment[depth];
        for (int i = 0; i < depth; i++) {
            buffers[i] = io.buffer(i);
        }
        if (!spec.verify() && spec.workload().writes()) {
            fillRandom();
        }
        // the histograms of the directions the job does, now rather than at its first I/Os
        if (spec.workload().reads()) {
            result.read.allocate();
        }
        if (spec.workload().writes()) {
            result.write.allocate();
        }
    }

    /** I/Os completed so far (for the progress line), published after each reap. */
    public AtomicLong progress() {
        return progress;
    }

    /**
     * Runs the job on the calling thread: ramp, measured phase, then the verify phase if any.
     * Failures of single I/Os end the job and are recorded in the result, as fio records them.
     *
     * @throws IOException if the backend fails outright
     * @throws InterruptedException if the thread is interrupted
     */
    public void run(long fileBytes) throws IOException, InterruptedException {
        result.engine = io.description();
        result.startMillis = System.currentTimeMillis();
        long start = System.nanoTime();
        long measureStart = start + spec.rampNanos();
        long deadline = spec.runtimeNanos() == 0 ? Long.MAX_VALUE : measureStart + spec.runtimeNanos();
        measuring = spec.rampNanos() == 0;
        cpuStart = ownCpu ? CpuTimes.now() : null;
        if (spec.invalidate() && !spec.direct() && spec.warmupNanos() > 0) {
            invalidateAt = start + spec.warmupNanos();
        }
        WorkloadPlan plan = new WorkloadPlan(spec, fileBytes);
        verifier = spec.verify() ? new Verifier(spec, buffers, result, plan.blocks()) : null;
        long end = loop(verifier == null ? plan : verifier.guard(plan), measureStart, deadline);
        if (spec.endFsync() && spec.workload().writes() && result.error == 0) {
            end = endFsync();
        }
        result.runtimeNanos = Math.max(0, end - measureStart);
        if (ownCpu) {
            result.cpu = CpuTimes.fresh().since(cpuStart);
            result.cpuWallNanos = result.runtimeNanos;
        }
        IoSource verifyPhase = verifier != null && spec.doVerify() && result.error == 0 ? verifier.verifyPhase() : null;
        if (verifyPhase != null) {
            measuring = false;
            loop(verifyPhase, Long.MAX_VALUE, Long.MAX_VALUE);
        }
    }

    /**
     * end_fsync and fsync_on_close: one fsync once every I/O is done, waited for, inside the runtime
     * and not among the job's syncs (fio 3.33: a 64 MiB buffered write job reports the same
     * sync total_ios with it, 0, and a runtime of 186 ms instead of 60). Returns when it ended.
     */
    private long endFsync() throws IOException, InterruptedException {
        int slot = free[--freeTop];
        io.prepFsync(slot);
        pending[0] = slot;
        if (io.submit(pending, 0, 1) == 0) {
            free[freeTop++] = slot;
            throw new IOException(io.name() + ": submit accepted nothing with nothing in flight");
        }
        int n = 0;
        while (n == 0) {
            n = io.reap(1, 1, doneSlots, doneResults);
        }
        free[freeTop++] = slot;
        if (doneResults[0] < 0) {
            result.fail((int) -doneResults[0], io.name() + ": fsync at the end of the job: " + IoErrors.resultText(doneResults[0]));
        }
        return System.nanoTime();
    }

    /**
     * Runs {@code ios} I/Os of the job's workload (one plan over as many passes as that
     * takes), recorded into this runner's throw-away result, to get the loop compiled before the
     * job threads start (see {@link BenchRun}). It runs the very code the jobs run: the same
     * {@link IoSource} class and the recording branches taken, so the compiled loop does not
     * deoptimise when a job starts (an unrecorded warm-up left the recording paths as uncommon
     * traps, and 512 jobs went back to the interpreter). Gives up after {@code maxNanos}. The
     * runner is spent afterwards.
     *
     * @throws IOException if the backend fails outright
     * @throws InterruptedException if the thread is interrupted
     */
    void warmUp(long fileBytes, long ios, long maxNanos) throws IOException, InterruptedException {
        long giveUp = System.nanoTime() + maxNanos;
        // a warm-up shorter than the sampling period left the sampling branch an uncommon trap:
        // each job longer than 0.5 s deoptimised at its first sample, with C2 starved for seconds
        samplePeriod = 1_000_000L;
        measuring = true;
        cpuStart = CpuTimes.now();
        // one plan over as many passes as the I/Os need (a plan per pass cost more than the I/O on tiny files)
        loop(WorkloadPlan.ofOps(spec, fileBytes, ios), System.nanoTime(), giveUp);
    }

    /** Issues from {@code source} until it is done, the deadline passes or an I/O fails; returns the time of the last reap. */
    private long loop(IoSource source, long measureStart, long deadline) throws IOException, InterruptedException {
        this.source = source;
        this.measureStart = measureStart;
        this.deadline = deadline;
        now = System.nanoTime();
        nextSample = measureStart + samplePeriod;
        sampleStart = measureStart;
        issuing = true;
        // One call per round, not the round inlined here: a job thread enters this method once, and
        // HotSpot moves a running interpreted loop to compiled code only on its shared back-edge
        // counter's overflow, which most of 512 job threads never see (they stayed interpreted);
        // step() is compiled by its invocation count, for every thread at once.
        while (step()) {
            // each round issues, commits and reaps
        }
        return now;
    }

    /** One round: fill the queue, commit, reap; false once nothing is in flight and nothing more is issued. */
    private boolean step() throws IOException, InterruptedException {
        boolean blocked = false;
        while (issuing && inFlight + pendingCount < depth) {
            if (now >= deadline || result.error != 0 || BenchRun.stopRequested()) {
                issuing = false;
                break;
            }
            int op = source.next();
            if (op == IoSource.DONE) {
                issuing = false;
                break;
            }
            if (op == IoSource.WAIT) {
                blocked = true; // its block has an I/O in flight: reap first (NoOverlapSource)
                break;
            }
            prepare(op, source.offset());
            if (pendingCount >= spec.batchSubmit()) {
                commit();
            }
        }
        if (pendingCount > 0) {
            commit();
        }
        if (inFlight == 0) {
            return false;
        }
        // fio: reap at least min(iodepth_batch_complete_min, in flight), and at least one when full
        int min = issuing ? Math.min(spec.batchCompleteMin(), inFlight) : 1;
        if (min == 0 && (inFlight == depth || pendingCount > 0 || blocked)) {
            min = 1;
        }
        int n = io.reap(min, Math.min(spec.batchCompleteMax(), depth), doneSlots, doneResults);
        now = System.nanoTime();
        if (measuring) {
            result.depths.reaped(n);
        }
        for (int i = 0; i < n; i++) {
            complete(doneSlots[i], doneResults[i], now);
        }
        completedIos += n;
        progress.lazySet(completedIos);
        if (now >= invalidateAt) {
            invalidateAt = Long.MAX_VALUE;
            FilePrep.invalidate(spec.file());
        }
        if (!measuring && now >= measureStart && measureStart != Long.MAX_VALUE) {
            startMeasuring();
            sampleStart = now;
            nextSample = now + samplePeriod;
        } else if (timed && measuring && now >= nextSample && nextSample < deadline) {
            // a window ending at the runtime is not sampled: the job ends then, as fio's does
            // before its helper thread takes that sample (fio 3.33, runtime=2s: 3 samples)
            result.read.sample(now - sampleStart);
            result.write.sample(now - sampleStart);
            sampleStart = now;
            nextSample = now + samplePeriod;
        }
        return true;
    }

    private void startMeasuring() {
        measuring = true;
        result.read.reset();
        result.write.reset();
        result.sync.reset();
        result.depths.reset();
        if (ownCpu) {
            cpuStart = CpuTimes.now();
        }
    }

    /**
     * Leaves the job's CPU time to the wave, which reads the process's CPU time once at the start
     * line and once after the last job (BenchRun): for a group_reporting job without ramp or verify
     * phase. A reading sums over every thread of the process, so 512 jobs reading twice each
     * while 512 threads lived cost 0.2-0.3 ms per job; and the summed group reports the CPU of the
     * whole wave anyway.
     */
    void cpuMeasuredByWave() {
        ownCpu = false;
    }

    private void prepare(int op, long offset) {
        int slot = free[--freeTop];
        ops[slot] = op;
        offsets[slot] = offset;
        int bs = spec.blockSize();
        switch (op) {
            case IoSource.READ -> {
                if (verifier != null) {
                    verifier.beforeRead(offset);
                }
                io.prepRead(slot, offset, bs);
            }
            case IoSource.WRITE -> {
                if (verifier != null) {
                    verifier.beforeWrite(slot, offset);
                }
                io.prepWrite(slot, offset, bs);
            }
            default -> io.prepFsync(slot);
        }
        if (timed || op == IoSource.FSYNC) {
            prepTimes[slot] = System.nanoTime(); // an fsync's too: a synchronous engine's sync lat starts here
        }
        pending[pendingCount++] = slot;
    }

    private void commit() throws IOException {
        int k = io.submit(pending, 0, pendingCount);
        long now = System.nanoTime();
        if (measuring) {
            result.depths.committed(inFlight + pendingCount, k);
            result.depths.submitted(k);
        }
        for (int i = 0; i < k; i++) {
            int slot = pending[i];
            submitTimes[slot] = now;
            measuredSlot[slot] = measuring;
            if (timed && measuring && ops[slot] != IoSource.FSYNC && !synchronous) {
                stats(ops[slot]).slat.record(now - prepTimes[slot]);
            }
        }
        inFlight += k;
        if (k < pendingCount) {
            if (k == 0 && inFlight == 0) {
                throw new IOException(io.name() + ": submit accepted nothing with nothing in flight");
            }
            System.arraycopy(pending, k, pending, 0, pendingCount - k);
        }
        pendingCount -= k;
    }

    private void complete(int slot, long res, long now) {
        inFlight--;
        free[freeTop++] = slot;
        int op = ops[slot];
        if (verifier != null && op != IoSource.FSYNC) {
            verifier.completed(slot, op, offsets[slot], res);
        }
        if (res < 0) {
            int errno = (int) -res;
            result.fail(errno, io.name() + ": " + (op == IoSource.FSYNC ? "fsync" : op == IoSource.READ ? "read" : "write")
                    + " at offset " + offsets[slot] + ": " + IoErrors.resultText(res));
            return;
        }
        // fio's clat and sync lat run from the issue to the completion; a synchronous engine's
        // I/O is the submit call itself, done when it returned
        long issued = synchronous ? prepTimes[slot] : submitTimes[slot];
        if (synchronous) {
            now = submitTimes[slot];
        }
        if (op == IoSource.FSYNC) {
            if (measuring) {
                result.sync.record(now - issued);
            }
            return;
        }
        if (!measuring || !measuredSlot[slot]) {
            return; // submitted during the ramp: its slat was not recorded, so nothing of it is
        }
        DirectionStats d = stats(op);
        if (timed) {
            d.clat.record(now - issued);
            d.lat.record(now - prepTimes[slot]);
        }
        d.ios++;
        d.bytes += res;
        d.sampleIos++;
        d.sampleBytes += res;
        if (res < spec.blockSize()) {
            d.shortIos++;
        }
    }

    private DirectionStats stats(int op) {
        return op == IoSource.READ ? result.read : result.write;
    }

    /**
     * Write buffers hold random bytes, filled once (fio's default without refill_buffers): the
     * longs of one seeded sequence, buffer after buffer, each filled in whole longs. Copied in
     * bulk from {@link #randomLongs}: set long by long, seed 003's 512 job threads ran 65,000
     * VarHandle writes in the interpreter and had C2 compile the segment setters (36 ms) before
     * the jobs could start.
     */
    private void fillRandom() {
        long longs = 0;
        for (MemorySegment b : buffers) {
            longs += b.byteSize() / 8;
        }
        long[] random = randomLongs((int) Math.min(Integer.MAX_VALUE - 8, longs));
        int from = 0;
        for (MemorySegment b : buffers) {
            int n = (int) Math.min(b.byteSize() / 8, random.length - from);
            MemorySegment.copy(random, from, b, java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED, 0, n);
            from += n;
        }
    }

    /** The first longs of the seeded sequence, shared by every job; grown on demand, never changed once published. */
    private static volatile long[] randomSequence = new long[0];

    private static long[] randomLongs(int n) {
        long[] have = randomSequence;
        if (have.length >= n) {
            return have;
        }
        long[] more = new long[n];
        java.util.SplittableRandom r = new java.util.SplittableRandom(42);
        for (int i = 0; i < n; i++) {
            more[i] = r.nextLong();
        }
        randomSequence = more; // two jobs racing here make the same array; either may stay
        return more;
    }
}
