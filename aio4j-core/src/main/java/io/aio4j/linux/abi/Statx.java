package io.aio4j.linux.abi;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;

/**
 * {@code struct statx} (256 bytes, {@code <linux/stat.h>}); only the fields aio4j reads are named.
 * <pre>
 * struct statx { __u32 stx_mask; __u32 stx_blksize; __u64 stx_attributes; __u32 stx_nlink;
 *   __u32 stx_uid; __u32 stx_gid; __u16 stx_mode; __u16 __spare0[1]; __u64 stx_ino;
 *   __u64 stx_size; __u64 stx_blocks; __u64 stx_attributes_mask;
 *   struct statx_timestamp stx_atime, stx_btime, stx_ctime, stx_mtime;
 *   __u32 stx_rdev_major, stx_rdev_minor, stx_dev_major, stx_dev_minor;
 *   __u64 stx_mnt_id; __u32 stx_dio_mem_align; __u32 stx_dio_offset_align; __u64 __spare3[12]; };
 * </pre>
 */
public final class Statx {
    public static final StructLayout LAYOUT = MemoryLayout.structLayout(
            ValueLayout.JAVA_INT.withName("stx_mask"),
            ValueLayout.JAVA_INT.withName("stx_blksize"),
            ValueLayout.JAVA_LONG.withName("stx_attributes"),
            ValueLayout.JAVA_INT.withName("stx_nlink"),
            ValueLayout.JAVA_INT.withName("stx_uid"),
            ValueLayout.JAVA_INT.withName("stx_gid"),
            ValueLayout.JAVA_SHORT.withName("stx_mode"),
            MemoryLayout.paddingLayout(2),
            ValueLayout.JAVA_LONG.withName("stx_ino"),
            ValueLayout.JAVA_LONG.withName("stx_size"),
            ValueLayout.JAVA_LONG.withName("stx_blocks"),
            ValueLayout.JAVA_LONG.withName("stx_attributes_mask"),
            MemoryLayout.paddingLayout(64), // four struct statx_timestamp
            ValueLayout.JAVA_INT.withName("stx_rdev_major"),
            ValueLayout.JAVA_INT.withName("stx_rdev_minor"),
            ValueLayout.JAVA_INT.withName("stx_dev_major"),
            ValueLayout.JAVA_INT.withName("stx_dev_minor"),
            ValueLayout.JAVA_LONG.withName("stx_mnt_id"),
            ValueLayout.JAVA_INT.withName("stx_dio_mem_align"),
            ValueLayout.JAVA_INT.withName("stx_dio_offset_align"),
            MemoryLayout.paddingLayout(96));
    public static final int STATX_SIZE = 0x200;
    public static final int STATX_DIOALIGN = 0x2000;
    public static final int AT_EMPTY_PATH = 0x1000;

    /** stx_mode's file type (S_IFMT) and the regular file's (S_IFREG); STATX_TYPE asks for it. */
    public static final int S_IFMT = 0170000;
    public static final int S_IFREG = 0100000;
    public static final int STATX_TYPE = 0x1;

    private static final long MASK = off("stx_mask");
    private static final long MODE = off("stx_mode");
    private static final long SIZE = off("stx_size");
    private static final long DEV_MAJOR = off("stx_dev_major");
    private static final long DEV_MINOR = off("stx_dev_minor");
    private static final long DIO_MEM = off("stx_dio_mem_align");
    private static final long DIO_OFF = off("stx_dio_offset_align");

    private Statx() {
    }

    private static long off(String name) {
        return LAYOUT.byteOffset(MemoryLayout.PathElement.groupElement(name));
    }

    public static int stxMask(MemorySegment s) {
        return s.get(ValueLayout.JAVA_INT, MASK);
    }

    /** stx_mode: file type and permission bits (u16). */
    public static int stxMode(MemorySegment s) {
        return Short.toUnsignedInt(s.get(ValueLayout.JAVA_SHORT, MODE));
    }

    public static long stxSize(MemorySegment s) {
        return s.get(ValueLayout.JAVA_LONG, SIZE);
    }

    public static int stxDevMajor(MemorySegment s) {
        return s.get(ValueLayout.JAVA_INT, DEV_MAJOR);
    }

    public static int stxDevMinor(MemorySegment s) {
        return s.get(ValueLayout.JAVA_INT, DEV_MINOR);
    }

    public static int stxDioMemAlign(MemorySegment s) {
        return s.get(ValueLayout.JAVA_INT, DIO_MEM);
    }

    public static int stxDioOffsetAlign(MemorySegment s) {
        return s.get(ValueLayout.JAVA_INT, DIO_OFF);
    }
}
