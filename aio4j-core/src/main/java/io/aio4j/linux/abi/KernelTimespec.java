package io.aio4j.linux.abi;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;

/**
 * {@code struct __kernel_timespec} (16 bytes, {@code <linux/time_types.h>}):
 * <pre>struct __kernel_timespec { __kernel_time64_t tv_sec; long long tv_nsec; };</pre>
 */
public final class KernelTimespec {
    public static final StructLayout LAYOUT = MemoryLayout.structLayout(
            ValueLayout.JAVA_LONG.withName("tv_sec"),
            ValueLayout.JAVA_LONG.withName("tv_nsec"));
    private static final long SEC = LAYOUT.byteOffset(MemoryLayout.PathElement.groupElement("tv_sec"));
    private static final long NSEC = LAYOUT.byteOffset(MemoryLayout.PathElement.groupElement("tv_nsec"));

    private KernelTimespec() {
    }

    /** Sets the timespec to {@code nanos} (>= 0). */
    public static void setNanos(MemorySegment ts, long nanos) {
        ts.set(ValueLayout.JAVA_LONG, SEC, nanos / 1_000_000_000L);
        ts.set(ValueLayout.JAVA_LONG, NSEC, nanos % 1_000_000_000L);
    }

    public static void set(MemorySegment ts, long sec, long nsec) {
        ts.set(ValueLayout.JAVA_LONG, SEC, sec);
        ts.set(ValueLayout.JAVA_LONG, NSEC, nsec);
    }
}
