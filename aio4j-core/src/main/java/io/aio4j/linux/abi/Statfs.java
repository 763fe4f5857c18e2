package io.aio4j.linux.abi;

import java.lang.foreign.Arena;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;

/**
 * {@code struct statfs} (120 bytes on x86_64 and arm64, {@code <sys/statfs.h>}), as {@link LibC#fstatfs} fills it;
 * only {@code f_type}, the filesystem's magic number, is read.
 * <pre>
 * struct statfs { __fsword_t f_type; __fsword_t f_bsize; fsblkcnt_t f_blocks; fsblkcnt_t f_bfree;
 *   fsblkcnt_t f_bavail; fsfilcnt_t f_files; fsfilcnt_t f_ffree; fsid_t f_fsid; __fsword_t f_namelen;
 *   __fsword_t f_frsize; __fsword_t f_flags; __fsword_t f_spare[4]; };
 * </pre>
 */
public final class Statfs {
    public static final StructLayout LAYOUT = MemoryLayout.structLayout(
            ValueLayout.JAVA_LONG.withName("f_type"),
            MemoryLayout.paddingLayout(112));
    /** {@code TMPFS_MAGIC} from {@code <linux/magic.h>} (tmpfs, /dev/shm). */
    public static final long TMPFS_MAGIC = 0x01021994L;
    /** {@code RAMFS_MAGIC}. */
    public static final long RAMFS_MAGIC = 0x858458f6L;
    /** {@code HUGETLBFS_MAGIC}. */
    public static final long HUGETLBFS_MAGIC = 0x958458f6L;

    private Statfs() {
    }

    /** {@code f_type} of a filled {@link #LAYOUT}, as an unsigned 32-bit magic. */
    public static long fType(MemorySegment s) {
        return s.get(ValueLayout.JAVA_LONG, 0) & 0xffff_ffffL;
    }

    /**
     * Whether the open descriptor is a regular file on a filesystem that keeps its data only in
     * memory (tmpfs, ramfs, hugetlbfs): buffered I/O on it copies memory and never waits for a
     * device. Regular files only: a device node in /dev lives on devtmpfs, which reports
     * tmpfs's magic, but I/O on it goes to the device.
     *
     * @return false when fstatfs or statx fails, the filesystem is any other, or the file is not regular
     */
    public static boolean memoryBacked(int fd) {
        try (Arena a = Arena.ofConfined()) {
            // one allocation per open file (hundreds of jobs open one each): a buffer for either
            // call, then a zero byte for statx's empty path
            long room = Math.max(LAYOUT.byteSize(), Statx.LAYOUT.byteSize());
            MemorySegment mem = a.allocate(room + 8, 8);
            MemorySegment buf = mem.asSlice(0, room);
            if (LibC.fstatfs(fd, buf) != 0) {
                return false;
            }
            long t = fType(buf);
            if (t != TMPFS_MAGIC && t != RAMFS_MAGIC && t != HUGETLBFS_MAGIC) {
                return false;
            }
            return LibC.statx(fd, mem.asSlice(room, 1), Statx.AT_EMPTY_PATH, Statx.STATX_TYPE, buf) == 0
                    && (Statx.stxMask(buf) & Statx.STATX_TYPE) != 0
                    && (Statx.stxMode(buf) & Statx.S_IFMT) == Statx.S_IFREG;
        }
    }
}
