package io.aio4j.linux.abi;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;

/**
 * {@code struct io_uring_getevents_arg} (24 bytes), passed to io_uring_enter with
 * IORING_ENTER_EXT_ARG:
 * <pre>struct io_uring_getevents_arg { __u64 sigmask; __u32 sigmask_sz; __u32 pad; __u64 ts; };</pre>
 * ({@code pad} is {@code min_wait_usec} on 6.12+ headers; aio4j leaves it 0.)
 */
public final class IoUringGeteventsArg {
    public static final StructLayout LAYOUT = MemoryLayout.structLayout(
            ValueLayout.JAVA_LONG.withName("sigmask"),
            ValueLayout.JAVA_INT.withName("sigmask_sz"),
            ValueLayout.JAVA_INT.withName("pad"),
            ValueLayout.JAVA_LONG.withName("ts"));
    private static final long TS = LAYOUT.byteOffset(MemoryLayout.PathElement.groupElement("ts"));

    private IoUringGeteventsArg() {
    }

    /** Sets {@code ts} to the address of a {@link KernelTimespec}, or 0 for no timeout. */
    public static void ts(MemorySegment arg, long timespecAddress) {
        arg.set(ValueLayout.JAVA_LONG, TS, timespecAddress);
    }
}
