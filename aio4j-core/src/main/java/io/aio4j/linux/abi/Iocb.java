package io.aio4j.linux.abi;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;

/**
 * {@code struct iocb} (uapi {@code <linux/aio_abi.h>}), 64 bytes, alignment 8, in its
 * little-endian field order (x86-64, aarch64; big endian swaps {@code aio_key} and
 * {@code aio_rw_flags}):
 * <pre>
 * struct iocb {
 *     __u64 aio_data;
 *     __u32 aio_key;            // the kernel writes KIOCB_KEY (0); io_cancel needs 0
 *     __kernel_rwf_t aio_rw_flags;
 *     __u16 aio_lio_opcode;
 *     __s16 aio_reqprio;
 *     __u32 aio_fildes;
 *     __u64 aio_buf;            // buffer, or iovec* for PREADV/PWRITEV, or the POLL event mask
 *     __u64 aio_nbytes;         // byte count, or iovec count
 *     __s64 aio_offset;
 *     __u64 aio_reserved2;      // must be 0
 *     __u32 aio_flags;          // IOCB_FLAG_RESFD, IOCB_FLAG_IOPRIO
 *     __u32 aio_resfd;
 * };
 * </pre>
 */
public final class Iocb {
    public static final StructLayout LAYOUT = MemoryLayout.structLayout(
            ValueLayout.JAVA_LONG.withName("aio_data"),
            ValueLayout.JAVA_INT.withName("aio_key"),
            ValueLayout.JAVA_INT.withName("aio_rw_flags"),
            ValueLayout.JAVA_SHORT.withName("aio_lio_opcode"),
            ValueLayout.JAVA_SHORT.withName("aio_reqprio"),
            ValueLayout.JAVA_INT.withName("aio_fildes"),
            ValueLayout.JAVA_LONG.withName("aio_buf"),
            ValueLayout.JAVA_LONG.withName("aio_nbytes"),
            ValueLayout.JAVA_LONG.withName("aio_offset"),
            ValueLayout.JAVA_LONG.withName("aio_reserved2"),
            ValueLayout.JAVA_INT.withName("aio_flags"),
            ValueLayout.JAVA_INT.withName("aio_resfd"));
    public static final long SIZE = LAYOUT.byteSize();

    /** IOCB_CMD_* opcodes. NOOP is defined by the uapi but io_submit rejects it with EINVAL. */
    public static final short IOCB_CMD_PREAD = 0;
    public static final short IOCB_CMD_PWRITE = 1;
    public static final short IOCB_CMD_FSYNC = 2;
    public static final short IOCB_CMD_FDSYNC = 3;
    public static final short IOCB_CMD_POLL = 5;
    public static final short IOCB_CMD_NOOP = 6;
    public static final short IOCB_CMD_PREADV = 7;
    public static final short IOCB_CMD_PWRITEV = 8;
    /** aio_flags: signal the eventfd in aio_resfd on completion. */
    public static final int IOCB_FLAG_RESFD = 1;
    /** aio_flags: aio_reqprio is valid. */
    public static final int IOCB_FLAG_IOPRIO = 1 << 1;

    private static final long DATA = off("aio_data");
    private static final long KEY = off("aio_key");
    private static final long RW_FLAGS = off("aio_rw_flags");
    private static final long OPCODE = off("aio_lio_opcode");
    private static final long REQPRIO = off("aio_reqprio");
    private static final long FILDES = off("aio_fildes");
    private static final long BUF = off("aio_buf");
    private static final long NBYTES = off("aio_nbytes");
    private static final long OFFSET = off("aio_offset");
    private static final long RESERVED2 = off("aio_reserved2");
    private static final long FLAGS = off("aio_flags");
    private static final long RESFD = off("aio_resfd");

    private Iocb() {
    }

    private static long off(String name) {
        return LAYOUT.byteOffset(MemoryLayout.PathElement.groupElement(name));
    }

    /**
     * Fills every field of one iocb (so no value of a previous use survives): aio_key,
     * aio_reqprio and aio_reserved2 become 0.
     */
    public static void set(MemorySegment iocb, long data, short opcode, int rwFlags, int fd, long buf, long nbytes,
            long offset, int flags, int resfd) {
        iocb.set(ValueLayout.JAVA_LONG, DATA, data);
        iocb.set(ValueLayout.JAVA_INT, KEY, 0);
        iocb.set(ValueLayout.JAVA_INT, RW_FLAGS, rwFlags);
        iocb.set(ValueLayout.JAVA_SHORT, OPCODE, opcode);
        iocb.set(ValueLayout.JAVA_SHORT, REQPRIO, (short) 0);
        iocb.set(ValueLayout.JAVA_INT, FILDES, fd);
        iocb.set(ValueLayout.JAVA_LONG, BUF, buf);
        iocb.set(ValueLayout.JAVA_LONG, NBYTES, nbytes);
        iocb.set(ValueLayout.JAVA_LONG, OFFSET, offset);
        iocb.set(ValueLayout.JAVA_LONG, RESERVED2, 0L);
        iocb.set(ValueLayout.JAVA_INT, FLAGS, flags);
        iocb.set(ValueLayout.JAVA_INT, RESFD, resfd);
    }

    public static long aioData(MemorySegment iocb) {
        return iocb.get(ValueLayout.JAVA_LONG, DATA);
    }

    public static int aioKey(MemorySegment iocb) {
        return iocb.get(ValueLayout.JAVA_INT, KEY);
    }

    public static int aioRwFlags(MemorySegment iocb) {
        return iocb.get(ValueLayout.JAVA_INT, RW_FLAGS);
    }

    public static short aioLioOpcode(MemorySegment iocb) {
        return iocb.get(ValueLayout.JAVA_SHORT, OPCODE);
    }

    public static int aioFildes(MemorySegment iocb) {
        return iocb.get(ValueLayout.JAVA_INT, FILDES);
    }

    public static long aioBuf(MemorySegment iocb) {
        return iocb.get(ValueLayout.JAVA_LONG, BUF);
    }

    public static long aioNbytes(MemorySegment iocb) {
        return iocb.get(ValueLayout.JAVA_LONG, NBYTES);
    }

    public static long aioOffset(MemorySegment iocb) {
        return iocb.get(ValueLayout.JAVA_LONG, OFFSET);
    }

    public static int aioFlags(MemorySegment iocb) {
        return iocb.get(ValueLayout.JAVA_INT, FLAGS);
    }

    public static int aioResfd(MemorySegment iocb) {
        return iocb.get(ValueLayout.JAVA_INT, RESFD);
    }
}
