package io.aio4j.linux.abi;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;

/**
 * {@code struct io_uring_rsrc_update} (16 bytes), the argument of IORING_REGISTER_FILES_UPDATE
 * (the older {@code struct io_uring_files_update} has the same layout):
 * <pre>struct io_uring_rsrc_update { __u32 offset; __u32 resv; __aligned_u64 data; };</pre>
 */
public final class IoUringRsrcUpdate {
    public static final StructLayout LAYOUT = MemoryLayout.structLayout(
            ValueLayout.JAVA_INT.withName("offset"),
            ValueLayout.JAVA_INT.withName("resv"),
            ValueLayout.JAVA_LONG.withName("data"));
    private static final long OFFSET = LAYOUT.byteOffset(MemoryLayout.PathElement.groupElement("offset"));
    private static final long DATA = LAYOUT.byteOffset(MemoryLayout.PathElement.groupElement("data"));

    private IoUringRsrcUpdate() {
    }

    /** Sets the table offset and the address of the {@code __s32} fd array. */
    public static void set(MemorySegment u, int offset, long dataAddress) {
        u.set(ValueLayout.JAVA_INT, OFFSET, offset);
        u.set(ValueLayout.JAVA_INT, OFFSET + 4, 0);
        u.set(ValueLayout.JAVA_LONG, DATA, dataAddress);
    }
}
