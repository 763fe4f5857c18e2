package io.aio4j.linux.abi;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemoryLayout.PathElement;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;

/**
 * {@code struct io_uring_params} (120 bytes), in and out of io_uring_setup:
 * <pre>
 * struct io_uring_params { __u32 sq_entries; __u32 cq_entries; __u32 flags; __u32 sq_thread_cpu;
 *   __u32 sq_thread_idle; __u32 features; __u32 wq_fd; __u32 resv[3];
 *   struct io_sqring_offsets sq_off; struct io_cqring_offsets cq_off; };
 * </pre>
 */
public final class IoUringParams {
    public static final StructLayout LAYOUT = MemoryLayout.structLayout(
            ValueLayout.JAVA_INT.withName("sq_entries"),
            ValueLayout.JAVA_INT.withName("cq_entries"),
            ValueLayout.JAVA_INT.withName("flags"),
            ValueLayout.JAVA_INT.withName("sq_thread_cpu"),
            ValueLayout.JAVA_INT.withName("sq_thread_idle"),
            ValueLayout.JAVA_INT.withName("features"),
            ValueLayout.JAVA_INT.withName("wq_fd"),
            MemoryLayout.sequenceLayout(3, ValueLayout.JAVA_INT).withName("resv"),
            IoSqringOffsets.LAYOUT.withName("sq_off"),
            IoCqringOffsets.LAYOUT.withName("cq_off"));

    private static final long SQ_ENTRIES = off("sq_entries");
    private static final long CQ_ENTRIES = off("cq_entries");
    private static final long FLAGS = off("flags");
    private static final long SQ_THREAD_IDLE = off("sq_thread_idle");
    private static final long FEATURES = off("features");

    private IoUringParams() {
    }

    private static long off(String name) {
        return LAYOUT.byteOffset(PathElement.groupElement(name));
    }

    public static int sqEntries(MemorySegment p) {
        return p.get(ValueLayout.JAVA_INT, SQ_ENTRIES);
    }

    public static int cqEntries(MemorySegment p) {
        return p.get(ValueLayout.JAVA_INT, CQ_ENTRIES);
    }

    public static void cqEntries(MemorySegment p, int v) {
        p.set(ValueLayout.JAVA_INT, CQ_ENTRIES, v);
    }

    public static int flags(MemorySegment p) {
        return p.get(ValueLayout.JAVA_INT, FLAGS);
    }

    public static void flags(MemorySegment p, int v) {
        p.set(ValueLayout.JAVA_INT, FLAGS, v);
    }

    public static void sqThreadIdle(MemorySegment p, int millis) {
        p.set(ValueLayout.JAVA_INT, SQ_THREAD_IDLE, millis);
    }

    public static int features(MemorySegment p) {
        return p.get(ValueLayout.JAVA_INT, FEATURES);
    }

    /** Field {@code name} of {@code sq_off} (a byte offset inside the SQ ring mmap). */
    public static int sqOff(MemorySegment p, String name) {
        return p.get(ValueLayout.JAVA_INT, LAYOUT.byteOffset(PathElement.groupElement("sq_off"), PathElement.groupElement(name)));
    }

    /** Field {@code name} of {@code cq_off} (a byte offset inside the CQ ring mmap). */
    public static int cqOff(MemorySegment p, String name) {
        return p.get(ValueLayout.JAVA_INT, LAYOUT.byteOffset(PathElement.groupElement("cq_off"), PathElement.groupElement(name)));
    }
}
