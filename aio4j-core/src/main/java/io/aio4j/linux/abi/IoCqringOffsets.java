package io.aio4j.linux.abi;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;

/**
 * {@code struct io_cqring_offsets} (40 bytes): byte offsets of the CQ ring's fields inside its
 * mmap, filled by io_uring_setup.
 * <pre>
 * struct io_cqring_offsets { __u32 head; __u32 tail; __u32 ring_mask; __u32 ring_entries;
 *   __u32 overflow; __u32 cqes; __u32 flags; __u32 resv1; __u64 user_addr; };
 * </pre>
 */
public final class IoCqringOffsets {
    public static final StructLayout LAYOUT = MemoryLayout.structLayout(
            ValueLayout.JAVA_INT.withName("head"),
            ValueLayout.JAVA_INT.withName("tail"),
            ValueLayout.JAVA_INT.withName("ring_mask"),
            ValueLayout.JAVA_INT.withName("ring_entries"),
            ValueLayout.JAVA_INT.withName("overflow"),
            ValueLayout.JAVA_INT.withName("cqes"),
            ValueLayout.JAVA_INT.withName("flags"),
            ValueLayout.JAVA_INT.withName("resv1"),
            ValueLayout.JAVA_LONG.withName("user_addr"));

    private IoCqringOffsets() {
    }
}
