package io.aio4j.linux.abi;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;

/**
 * {@code struct io_uring_cqe} (16 bytes; 32 with IORING_SETUP_CQE32, which aio4j does not use):
 * <pre>struct io_uring_cqe { __u64 user_data; __s32 res; __u32 flags; __u64 big_cqe[]; };</pre>
 */
public final class IoUringCqe {
    public static final StructLayout LAYOUT = MemoryLayout.structLayout(
            ValueLayout.JAVA_LONG.withName("user_data"),
            ValueLayout.JAVA_INT.withName("res"),
            ValueLayout.JAVA_INT.withName("flags"));
    public static final long SIZE = LAYOUT.byteSize();
    public static final long USER_DATA = LAYOUT.byteOffset(MemoryLayout.PathElement.groupElement("user_data"));
    public static final long RES = LAYOUT.byteOffset(MemoryLayout.PathElement.groupElement("res"));
    public static final long FLAGS = LAYOUT.byteOffset(MemoryLayout.PathElement.groupElement("flags"));

    private IoUringCqe() {
    }

    public static long userData(MemorySegment s, long at) {
        return s.get(ValueLayout.JAVA_LONG, at + USER_DATA);
    }

    public static int res(MemorySegment s, long at) {
        return s.get(ValueLayout.JAVA_INT, at + RES);
    }

    public static int flags(MemorySegment s, long at) {
        return s.get(ValueLayout.JAVA_INT, at + FLAGS);
    }
}
