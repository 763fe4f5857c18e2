package io.aio4j.linux.abi;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;

/**
 * {@code struct io_uring_sync_cancel_reg} (64 bytes), the argument of
 * IORING_REGISTER_SYNC_CANCEL (6.0+):
 * <pre>
 * struct io_uring_sync_cancel_reg { __u64 addr; __s32 fd; __u32 flags;
 *   struct __kernel_timespec timeout; __u64 pad[4]; };
 * </pre>
 * (6.6+ headers put {@code __u8 opcode; __u8 pad[7]} at 32; aio4j leaves it 0.)
 */
public final class IoUringSyncCancelReg {
    public static final StructLayout LAYOUT = MemoryLayout.structLayout(
            ValueLayout.JAVA_LONG.withName("addr"),
            ValueLayout.JAVA_INT.withName("fd"),
            ValueLayout.JAVA_INT.withName("flags"),
            KernelTimespec.LAYOUT.withName("timeout"),
            MemoryLayout.sequenceLayout(4, ValueLayout.JAVA_LONG).withName("pad"));
    private static final long ADDR = LAYOUT.byteOffset(MemoryLayout.PathElement.groupElement("addr"));
    private static final long FD = LAYOUT.byteOffset(MemoryLayout.PathElement.groupElement("fd"));
    private static final long TIMEOUT = LAYOUT.byteOffset(MemoryLayout.PathElement.groupElement("timeout"));

    private IoUringSyncCancelReg() {
    }

    /** Prepares a cancel by user_data, waiting at most {@code sec}/{@code nsec} (-1/-1: no limit). */
    public static void set(MemorySegment reg, long userData, long sec, long nsec) {
        reg.fill((byte) 0);
        reg.set(ValueLayout.JAVA_LONG, ADDR, userData);
        reg.set(ValueLayout.JAVA_INT, FD, -1);
        KernelTimespec.set(reg.asSlice(TIMEOUT, KernelTimespec.LAYOUT.byteSize()), sec, nsec);
    }
}
