package io.aio4j.bench.run;

/**
 * What a verifying job knows about each block of its file: whether an I/O to it is in flight,
 * whether its content is known, and if so which write put it there (its generation), so a read
 * is checked against the last acknowledged write of that block. Two bytes per block (1 GiB of
 * 4 KiB blocks: 512 KiB), allocated once; nothing allocates afterwards.
 *
 * <p>A block's content is known once the file layout wrote the verify pattern to it (generation
 * 0) or once a write of this job to it completed in full (generations 1..{@value #GENERATIONS},
 * then round again, skipping 0). A write that failed or was short leaves it unknown: its reads
 * are not checked until a later write completes. The caller keeps at most one I/O per block in
 * flight ({@link #busy}, see {@link NoOverlapSource}), so "the last acknowledged write" is
 * well defined when a read is issued and when it completes.
 *
 * <p>The stamp a write carries ({@link VerifyPattern}'s header) is the run id in the high 32
 * bits and the generation in the low ones; the layout's is 0. A run id is random per job run,
 * so a block left over from an earlier run never passes for a write of this one.
 *
 * <p>The job's thread alone uses an instance.
 */
final class BlockLedger {
    /** Generations a block goes through before its counter starts again at 1. */
    static final int GENERATIONS = 0x1FFF;
    /** {@link #finishRead}'s answer for a block whose content is not known. */
    static final long UNKNOWN = -1;
    private static final char BUSY = 0x8000;
    private static final char KNOWN = 0x4000;
    private static final char WRITTEN = 0x2000;
    private static final char GEN = 0x1FFF;

    private final char[] state;
    private final long runId;

    /**
     * A ledger for {@code blocks} blocks.
     *
     * @param laidOut whether every block holds the layout's pattern (generation 0) to begin with
     * @param runId this run's id, 1..2^31-1
     * @throws IllegalArgumentException if there are more blocks than a Java array holds
     */
    BlockLedger(long blocks, boolean laidOut, long runId) {
        if (blocks <= 0 || blocks > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("verify: " + blocks + " blocks is more than the block ledger holds;"
                    + " use a larger --bs or a smaller --size");
        }
        if (runId <= 0 || runId > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("runId=" + runId);
        }
        this.state = new char[(int) blocks];
        this.runId = runId;
        if (laidOut) {
            java.util.Arrays.fill(state, KNOWN);
        }
    }

    /** The number of blocks. */
    int blocks() {
        return state.length;
    }

    /** Whether an I/O to {@code block} is in flight. */
    boolean busy(int block) {
        return (state[block] & BUSY) != 0;
    }

    /**
     * Records a read of {@code block} going into flight.
     *
     * @throws IllegalStateException if an I/O to it is already in flight (the caller's bug)
     */
    void startRead(int block) {
        state[block] = (char) (claim(block) | BUSY);
    }

    /**
     * Records a write of {@code block} going into flight and returns the stamp it must carry.
     *
     * @throws IllegalStateException if an I/O to it is already in flight (the caller's bug)
     */
    long startWrite(int block) {
        char s = claim(block);
        state[block] = (char) (s | BUSY);
        return stamp(nextGeneration(s));
    }

    /** Records that the read of {@code block} completed; returns the stamp its content must carry, or {@link #UNKNOWN}. */
    long finishRead(int block) {
        char s = (char) (state[block] & ~BUSY);
        state[block] = s;
        return (s & KNOWN) != 0 ? stamp(s & GEN) : UNKNOWN;
    }

    /**
     * Records that the write of {@code block} completed.
     *
     * @param complete whether all of it was written; if not, its content is unknown from now on
     */
    void finishWrite(int block, boolean complete) {
        int gen = nextGeneration(state[block]);
        state[block] = (char) (complete ? KNOWN | WRITTEN | gen : gen);
    }

    /** The first block at or after {@code from} that a write of this job set, or -1. */
    int nextWritten(int from) {
        for (int b = Math.max(from, 0); b < state.length; b++) {
            if ((state[b] & WRITTEN) != 0) {
                return b;
            }
        }
        return -1;
    }

    /** What a stamp means, for a failure message. */
    static String describe(long stamp) {
        if (stamp == 0) {
            return "the file layout's block";
        }
        return "write generation " + (stamp & 0xFFFF_FFFFL) + " of run 0x" + Long.toHexString(stamp >>> 32);
    }

    private char claim(int block) {
        char s = state[block];
        if ((s & BUSY) != 0) {
            throw new IllegalStateException("block " + block + " already has an I/O in flight");
        }
        return s;
    }

    private static int nextGeneration(char s) {
        int g = (s & GEN) + 1;
        return g > GENERATIONS ? 1 : g;
    }

    private long stamp(int generation) {
        return generation == 0 ? 0 : runId << 32 | generation;
    }
}
