package io.aio4j.linux.abi;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;

/**
 * {@code struct io_uring_probe} (16 bytes plus 8 per op), filled by IORING_REGISTER_PROBE:
 * <pre>
 * struct io_uring_probe_op { __u8 op; __u8 resv; __u16 flags; __u32 resv2; };
 * struct io_uring_probe { __u8 last_op; __u8 ops_len; __u16 resv; __u32 resv2[3];
 *   struct io_uring_probe_op ops[]; };
 * </pre>
 */
public final class IoUringProbe {
    public static final StructLayout OP_LAYOUT = MemoryLayout.structLayout(
            ValueLayout.JAVA_BYTE.withName("op"),
            ValueLayout.JAVA_BYTE.withName("resv"),
            ValueLayout.JAVA_SHORT.withName("flags"),
            ValueLayout.JAVA_INT.withName("resv2"));
    public static final StructLayout LAYOUT = MemoryLayout.structLayout(
            ValueLayout.JAVA_BYTE.withName("last_op"),
            ValueLayout.JAVA_BYTE.withName("ops_len"),
            ValueLayout.JAVA_SHORT.withName("resv"),
            MemoryLayout.sequenceLayout(3, ValueLayout.JAVA_INT).withName("resv2"));
    /** IO_URING_OP_SUPPORTED in {@code io_uring_probe_op.flags}. */
    public static final int IO_URING_OP_SUPPORTED = 1;

    private static final long LAST_OP = LAYOUT.byteOffset(MemoryLayout.PathElement.groupElement("last_op"));
    private static final long OPS_LEN = LAYOUT.byteOffset(MemoryLayout.PathElement.groupElement("ops_len"));
    private static final long OP_FLAGS = OP_LAYOUT.byteOffset(MemoryLayout.PathElement.groupElement("flags"));

    private IoUringProbe() {
    }

    /** The byte size of a probe with room for {@code ops} entries. */
    public static long byteSize(int ops) {
        return LAYOUT.byteSize() + (long) ops * OP_LAYOUT.byteSize();
    }

    public static int lastOp(MemorySegment p) {
        return p.get(ValueLayout.JAVA_BYTE, LAST_OP) & 0xff;
    }

    public static int opsLen(MemorySegment p) {
        return p.get(ValueLayout.JAVA_BYTE, OPS_LEN) & 0xff;
    }

    /** {@code ops[i].flags}. */
    public static int opFlags(MemorySegment p, int i) {
        return p.get(ValueLayout.JAVA_SHORT, LAYOUT.byteSize() + i * OP_LAYOUT.byteSize() + OP_FLAGS) & 0xffff;
    }
}
