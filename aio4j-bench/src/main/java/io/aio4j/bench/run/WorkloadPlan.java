package io.aio4j.bench.run;

import io.aio4j.bench.options.JobSpec;

/**
 * The I/O a job issues: fio's rw, rwmixread, fsync=N and loops over {@code blocks} blocks. A pass
 * issues {@code blocks} I/Os (sequential ones advance per direction, random ones visit each
 * block once); a time-based job starts pass after pass, others stop after {@code loops}.
 */
final class WorkloadPlan implements IoSource {
    private final JobSpec spec;
    private final long blocks;
    private final BlockPermutation permutation;
    private final long[] sequential = new long[2];
    private long random;
    private long issuedInPass;
    private int passesLeft;
    private long writesSinceSync;
    private long offset;
    /** Read, write and fsync ops still allowed (the warm-up's bound; a job's plan has none). */
    private long opsLeft;

    WorkloadPlan(JobSpec spec, long fileBytes) {
        this(spec, fileBytes, spec.loops(), Long.MAX_VALUE);
    }

    /**
     * The warm-up's plan: passes after pass whatever the job's loops, ending after {@code maxOps}
     * ops, within a pass if need be (a pass of a large file is far more I/O than it needs).
     */
    static WorkloadPlan ofOps(JobSpec spec, long fileBytes, long maxOps) {
        return new WorkloadPlan(spec, fileBytes, Integer.MAX_VALUE, maxOps);
    }

    private WorkloadPlan(JobSpec spec, long fileBytes, int passes, long maxOps) {
        this.spec = spec;
        this.opsLeft = maxOps;
        this.blocks = Math.max(1, fileBytes / spec.blockSize());
        long seed = spec.randrepeat() ? 0x5EED_0000L + spec.jobNumber() : System.nanoTime();
        this.random = seed | 1;
        this.permutation = new BlockPermutation(blocks, seed);
        this.passesLeft = passes;
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
        if (spec.fsyncEvery() > 0 && writesSinceSync >= spec.fsyncEvery()) {
            writesSinceSync = 0;
            return FSYNC;
        }
        if (issuedInPass == blocks) {
            if (!spec.timeBased() && --passesLeft <= 0) {
                return DONE;
            }
            issuedInPass = 0;
            permutation.restart();
        }
        int op = direction();
        long block;
        if (spec.workload().random()) {
            block = permutation.next();
        } else {
            block = sequential[op];
            sequential[op] = block + 1 == blocks ? 0 : block + 1;
        }
        issuedInPass++;
        offset = block * spec.blockSize();
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
        random ^= random << 13; // xorshift64
        random ^= random >>> 7;
        random ^= random << 17;
        return Long.remainderUnsigned(random, 100) < spec.rwmixread() ? READ : WRITE;
    }
}
