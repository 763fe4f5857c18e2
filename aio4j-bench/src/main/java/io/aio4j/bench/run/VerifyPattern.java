package io.aio4j.bench.run;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * fio's verify=crc32c, in aio4j's own block format: a 16-byte header (the block's offset, a
 * crc32c of the rest of the block, a magic word) then bytes that depend only on the offset, so a
 * block rewritten at the same offset holds the same bytes. Allocates nothing after construction.
 * One thread uses an instance.
 */
final class VerifyPattern {
    static final int MAGIC = 0xA104_F10C;
    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED;
    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED;

    private final CRC32C crc = new CRC32C();
    private final ByteBuffer[] views;

    /** @param buffers the slot buffers, whose ByteBuffer views are made once here */
    VerifyPattern(MemorySegment[] buffers) {
        views = new ByteBuffer[buffers.length];
        for (int i = 0; i < buffers.length; i++) {
            views[i] = buffers[i].asByteBuffer();
        }
    }

    /** Fills slot {@code slot}'s buffer with the block for {@code offset}. */
    void fill(int slot, MemorySegment buf, long offset, int length) {
        long x = offset * 0x9E3779B97F4A7C15L + 0x2545F4914F6CDD1DL;
        for (long at = 16; at + 8 <= length; at += 8) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
            buf.set(LONG, at, x);
        }
        for (long at = Math.max(16, length & ~7L); at < length; at++) {
            buf.set(ValueLayout.JAVA_BYTE, at, (byte) offset);
        }
        buf.set(LONG, 0, offset);
        buf.set(INT, 12, MAGIC);
        buf.set(INT, 8, crc(slot, length));
    }

    /**
     * Checks a block read at {@code offset}.
     *
     * @return null if it is intact, else what is wrong (allocates only then)
     */
    String check(int slot, MemorySegment buf, long offset, int length) {
        if (buf.get(INT, 12) != MAGIC) {
            return "verify: bad magic header at offset " + offset + " (0x" + Integer.toHexString(buf.get(INT, 12)) + ")";
        }
        if (buf.get(LONG, 0) != offset) {
            return "verify: block at offset " + offset + " says it belongs at " + buf.get(LONG, 0);
        }
        int want = buf.get(INT, 8);
        int got = crc(slot, length);
        if (want != got) {
            return "verify: crc32c mismatch at offset " + offset + ": header 0x" + Integer.toHexString(want)
                    + ", data 0x" + Integer.toHexString(got);
        }
        return null;
    }

    private int crc(int slot, int length) {
        ByteBuffer v = views[slot];
        v.clear().limit(length).position(12);
        crc.reset();
        crc.update(v);
        return (int) crc.getValue();
    }
}
