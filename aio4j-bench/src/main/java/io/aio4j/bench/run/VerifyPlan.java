package io.aio4j.bench.run;

import java.util.BitSet;

/** The verify phase: reads back every block the write phase wrote, in order. */
final class VerifyPlan implements IoSource {
    private final BitSet written;
    private final int blockSize;
    private int next;
    private long offset;

    VerifyPlan(BitSet written, int blockSize) {
        this.written = written;
        this.blockSize = blockSize;
    }

    @Override
    public int next() {
        int b = next < 0 ? -1 : written.nextSetBit(next);
        if (b < 0) {
            next = -1;
            return DONE;
        }
        next = b + 1;
        offset = (long) b * blockSize;
        return READ;
    }

    @Override
    public long offset() {
        return offset;
    }
}
