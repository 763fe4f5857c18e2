package io.aio4j.bench.run;

/**
 * A job's I/O, held back so that no two I/Os to one block are ever in flight together (a read
 * racing a write, or two writes, would make "what the block holds" undefined). When the next
 * I/O's block is busy, {@link #next()} answers {@link IoSource#WAIT} and keeps that I/O until
 * the block's I/O has completed; nothing else is issued meanwhile, so the order of I/Os is the
 * plan's own (skipping to another block would change the workload fio describes). It happens
 * only where the plan comes back to a block within {@code iodepth} I/Os: at the turn of a pass
 * of a random job, or where a sequential mixed job's read and write cursors meet.
 *
 * <p>The caller marks a block busy when it prepares the I/O ({@link BlockLedger#startRead},
 * {@link BlockLedger#startWrite}), right after {@link #next()} returned it. Job thread only.
 */
final class NoOverlapSource implements IoSource {
    private final IoSource plan;
    private final BlockLedger ledger;
    private final int blockSize;
    /** Where block 0 of the ledger starts in the file: the job's offset. */
    private final long base;
    private boolean held;
    private int op;
    private long offset;
    private long waits;

    NoOverlapSource(IoSource plan, BlockLedger ledger, int blockSize, long base) {
        this.plan = plan;
        this.ledger = ledger;
        this.blockSize = blockSize;
        this.base = base;
    }

    @Override
    public int next() {
        if (!held) {
            op = plan.next();
            offset = plan.offset();
            if (op != READ && op != WRITE) {
                return op;
            }
            held = true;
        }
        if (ledger.busy((int) ((offset - base) / blockSize))) {
            waits++;
            return WAIT;
        }
        held = false;
        return op;
    }

    @Override
    public long offset() {
        return offset;
    }

    /** How many times an I/O was held back (for tests). */
    long waits() {
        return waits;
    }
}
