package io.aio4j.linux.abi;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;

/**
 * {@code struct iovec} (16 bytes on 64-bit):
 * <pre>struct iovec { void *iov_base; size_t iov_len; };</pre>
 */
public final class Iovec {
    public static final StructLayout LAYOUT = MemoryLayout.structLayout(
            ValueLayout.JAVA_LONG.withName("iov_base"),
            ValueLayout.JAVA_LONG.withName("iov_len"));
    public static final long SIZE = LAYOUT.byteSize();
    private static final long BASE = LAYOUT.byteOffset(MemoryLayout.PathElement.groupElement("iov_base"));
    private static final long LEN = LAYOUT.byteOffset(MemoryLayout.PathElement.groupElement("iov_len"));

    private Iovec() {
    }

    /** Writes element {@code i} of an iovec array. */
    public static void set(MemorySegment array, int i, long base, long len) {
        long at = i * SIZE;
        array.set(ValueLayout.JAVA_LONG_UNALIGNED, at + BASE, base);
        array.set(ValueLayout.JAVA_LONG_UNALIGNED, at + LEN, len);
    }

    public static long iovBase(MemorySegment array, int i) {
        return array.get(ValueLayout.JAVA_LONG_UNALIGNED, i * SIZE + BASE);
    }

    public static long iovLen(MemorySegment array, int i) {
        return array.get(ValueLayout.JAVA_LONG_UNALIGNED, i * SIZE + LEN);
    }
}
