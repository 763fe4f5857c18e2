package io.aio4j.bench.run;

/** The verify phase: reads back, in order, every block a write of the job set (fio's verify after the I/O phase). */
final class VerifyPlan implements IoSource {
    private final BlockLedger ledger;
    private final int blockSize;
    /** Where block 0 of the ledger starts in the file: the job's offset. */
    private final long base;
    private int next;
    private long offset;

    VerifyPlan(BlockLedger ledger, int blockSize, long base) {
        this.ledger = ledger;
        this.blockSize = blockSize;
        this.base = base;
    }

    @Override
    public int next() {
        int b = next < 0 ? -1 : ledger.nextWritten(next);
        if (b < 0) {
            next = -1;
            return DONE;
        }
        next = b + 1;
        offset = base + (long) b * blockSize;
        return READ;
    }

    @Override
    public long offset() {
        return offset;
    }
}
