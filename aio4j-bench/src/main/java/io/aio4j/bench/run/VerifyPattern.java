package io.aio4j.bench.run;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * fio's verify=crc32c, in aio4j's own block format: a {@value #HEADER}-byte header (the block's
 * offset, a crc32c of the rest of the block, a magic word, the write's stamp) then bytes that
 * depend only on the offset and the stamp. The stamp plays the part of fio's header numberio: it
 * says which write put the block there, so a read can tell the last acknowledged write from an
 * older one (see {@link BlockLedger}); stamp 0 is the file layout's. Allocates nothing after
 * construction. One thread uses an instance.
 */
final class VerifyPattern {
    static final int MAGIC = 0xA104_F10C;
    /** Header bytes: offset [0,8), crc32c of [12,length) at [8,12), magic [12,16), stamp [16,24). */
    static final int HEADER = 24;
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

    /** Fills slot {@code slot}'s buffer ({@code length >= HEADER} bytes) with the block for {@code offset} written with {@code stamp}. */
    void fill(int slot, MemorySegment buf, long offset, int length, long stamp) {
        long x = (offset * 0x9E3779B97F4A7C15L) ^ (stamp * 0xD6E8FEB86659FD93L) ^ 0x2545F4914F6CDD1DL;
        x = x == 0 ? 1 : x; // xorshift never leaves 0
        for (long at = HEADER; at + 8 <= length; at += 8) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
            buf.set(LONG, at, x);
        }
        for (long at = Math.max(HEADER, length & ~7L); at < length; at++) {
            buf.set(ValueLayout.JAVA_BYTE, at, (byte) offset);
        }
        buf.set(LONG, 0, offset);
        buf.set(INT, 12, MAGIC);
        buf.set(LONG, 16, stamp);
        buf.set(INT, 8, crc(slot, length));
    }

    /**
     * Checks a block read at {@code offset} that any write may have put there (a read job
     * checking another job's file): header and crc only.
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

    /**
     * Checks a block read at {@code offset} whose last acknowledged write had {@code stamp}: as
     * {@link #check(int, MemorySegment, long, int)}, and the block must carry that stamp (an older
     * one means a write was lost or a stale block came back).
     *
     * @return null if it is intact and current, else what is wrong (allocates only then)
     */
    String check(int slot, MemorySegment buf, long offset, int length, long stamp) {
        String bad = check(slot, buf, offset, length);
        if (bad == null && buf.get(LONG, 16) != stamp) {
            return "verify: stale block at offset " + offset + ": it holds " + BlockLedger.describe(buf.get(LONG, 16))
                    + ", the last acknowledged write was " + BlockLedger.describe(stamp);
        }
        return bad;
    }

    private int crc(int slot, int length) {
        ByteBuffer v = views[slot];
        v.clear().limit(length).position(12);
        crc.reset();
        crc.update(v);
        return (int) crc.getValue();
    }
}
