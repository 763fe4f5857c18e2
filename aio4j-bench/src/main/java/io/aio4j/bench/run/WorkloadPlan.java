package io.aio4j.bench.run;

import io.aio4j.bench.options.JobSpec;

/**
 * The I/O a job issues: fio's rw, rwmixread, fsync=N, io_size, number_ios, norandommap and loops
 * over {@code blocks} blocks. A pass issues {@code blocks} I/Os (sequential ones advance per
 * direction, random ones visit each block once, or any block with norandommap); a loop issues
 * io_size's worth of I/Os (by default one pass; more passes over the region when io_size is larger,
 * fewer blocks when smaller), at most number_ios; a time-based job goes on until its runtime ends,
 * others stop after {@code loops} loops.
 */
final class WorkloadPlan implements IoSource {
    private final JobSpec spec;
    private final long blocks;
    private final BlockPermutation permutation;
    private final long[] sequential = new long[2];
    private long random;
    private long issuedInPass;
    /** Reads and writes a loop issues (see {@link #opsPerLoop}). */
    private final long perLoop;
    private long issuedInLoop;
    private int loopsLeft;
    private long writesSinceSync;
    private long offset;
    /** Read, write and fsync ops still allowed (the warm-up's bound; a job's plan has none). */
    private long opsLeft;

    WorkloadPlan(JobSpec spec, long fileBytes) {
        this(spec, fileBytes, spec.loops(), Long.MAX_VALUE);
    }

    /**
     * The warm-up's plan: about {@code maxOps} ops whatever the job's loops. Where a pass is
     * shorter, it is whole passes, as many as reach {@code maxOps}, so that the plan ends where a
     * job's does, on its last pass: C2 compiles the branches the warm-up took, and a warm-up ended
     * by the op bound left the job's end an uncommon trap, which the first of seed 003's 512 jobs
     * to finish hit 55 ms into the run, sending every job back to C1's profiling code for the
     * 150 ms that C2, starved by 512 threads, took to compile the loop again. Where one pass
     * is longer (a large file), it ends within that pass, after {@code maxOps}.
     */
    static WorkloadPlan ofOps(JobSpec spec, long fileBytes, long maxOps) {
        long perLoop = opsPerLoop(spec, blocksOf(spec, fileBytes));
        if (perLoop >= maxOps) {
            return new WorkloadPlan(spec, fileBytes, 1, maxOps);
        }
        long loops = (maxOps + perLoop - 1) / perLoop;
        return new WorkloadPlan(spec, fileBytes, (int) Math.min(Integer.MAX_VALUE, loops), Long.MAX_VALUE);
    }

    /**
     * The reads and writes of one loop: io_size's worth (whole blocks, at least one) or, without
     * it, one pass over the region; capped by number_ios (fio stops a job at number_ios I/Os when
     * that comes first).
     */
    static long opsPerLoop(JobSpec spec, long blocks) {
        long ops = spec.ioSize() > 0 ? Math.max(1, spec.ioSize() / spec.blockSize()) : blocks;
        return spec.numberIos() > 0 ? Math.min(ops, spec.numberIos()) : ops;
    }

    private static long blocksOf(JobSpec spec, long fileBytes) {
        return Math.max(1, fileBytes / spec.blockSize());
    }

    private WorkloadPlan(JobSpec spec, long fileBytes, int loops, long maxOps) {
        this.spec = spec;
        this.opsLeft = maxOps;
        this.blocks = blocksOf(spec, fileBytes);
        this.perLoop = opsPerLoop(spec, blocks);
        long seed = spec.randrepeat() ? 0x5EED_0000L + spec.jobNumber() : System.nanoTime();
        this.random = seed | 1;
        this.permutation = new BlockPermutation(blocks, seed);
        this.loopsLeft = loops;
    }

    /** The number of blocks a pass covers. */
    long blocks() {
        return blocks;
    }

    @Override
    public int next() {
        if (opsLeft-- <= 0) {
            return DONE;
        }
        // the plan's end first: as fio decides on an fsync when it picks the next I/O, a job that
        // has issued its last write does no fsync after it (fio 3.33: 1,024 writes with fsync=16
        // do 63 fsyncs, 2 loops of them 127)
        boolean loopDone = issuedInLoop == perLoop && !spec.timeBased();
        if (loopDone && loopsLeft <= 1) {
            loopsLeft = 0;
            return DONE;
        }
        if (spec.fsyncEvery() > 0 && writesSinceSync >= spec.fsyncEvery()) {
            writesSinceSync = 0;
            return FSYNC;
        }
        if (loopDone) {
            // a new loop starts the region over, as fio's loops do
            loopsLeft--;
            issuedInLoop = 0;
            issuedInPass = 0;
            sequential[READ] = 0;
            sequential[WRITE] = 0;
            permutation.restart();
        } else if (issuedInPass == blocks) {
            issuedInPass = 0;
            permutation.restart();
        }
        int op = direction();
        long block;
        if (spec.workload().random()) {
            block = spec.noRandomMap() ? Long.remainderUnsigned(nextRandom(), blocks) : permutation.next();
        } else {
            block = sequential[op];
            sequential[op] = block + 1 == blocks ? 0 : block + 1;
        }
        issuedInPass++;
        issuedInLoop++;
        offset = spec.offset() + block * spec.blockSize();
        if (op == WRITE) {
            writesSinceSync++;
        }
        return op;
    }

    @Override
    public long offset() {
        return offset;
    }

    private int direction() {
        if (!spec.workload().writes()) {
            return READ;
        }
        if (!spec.workload().reads()) {
            return WRITE;
        }
        return Long.remainderUnsigned(nextRandom(), 100) < spec.rwmixread() ? READ : WRITE;
    }

    /** xorshift64: the mix's coin and, with norandommap, the blocks. */
    private long nextRandom() {
        random ^= random << 13;
        random ^= random >>> 7;
        random ^= random << 17;
        return random;
    }
}
