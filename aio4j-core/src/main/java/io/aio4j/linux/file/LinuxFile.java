package io.aio4j.linux.file;

import io.aio4j.FileOption;
import io.aio4j.IoErrors;
import io.aio4j.linux.abi.LibC;
import io.aio4j.linux.abi.OpenFlags;
import io.aio4j.linux.abi.Statfs;
import io.aio4j.linux.abi.Statx;
import io.aio4j.spi.EngineFile;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * A file descriptor opened with open(2), shared by the engines that run on Linux. O_DIRECT
 * alignment comes from statx STATX_DIOALIGN where the kernel reports it, else from the logical
 * block size of the device (sysfs), else 4096.
 */
public final class LinuxFile implements EngineFile {
    /**
     * Whether the Linux engines run buffered I/O on memory-backed files inline on the submitting
     * thread (the default), from the system property {@code io.aio4j.memoryFilesInline}; false
     * sends it the engine's usual way (for comparisons with the kernel's own path).
     */
    public static final boolean MEMORY_FILES_INLINE =
            Boolean.parseBoolean(System.getProperty("io.aio4j.memoryFilesInline", "true"));

    private final int fd;
    private final String path;
    private final int alignment;
    private final boolean memoryBacked;

    private LinuxFile(int fd, String path, int alignment, boolean memoryBacked) {
        this.fd = fd;
        this.path = path;
        this.alignment = alignment;
        this.memoryBacked = memoryBacked;
    }

    /**
     * open(2) flags for aio4j's options.
     *
     * @param options the options, with READ or WRITE settled
     * @return O_RDONLY, O_WRONLY or O_RDWR with O_CLOEXEC and the flags the options ask for
     */
    public static int flags(Set<FileOption> options) {
        boolean r = options.contains(FileOption.READ);
        boolean w = options.contains(FileOption.WRITE);
        int f = (r && w) ? OpenFlags.O_RDWR : w ? OpenFlags.O_WRONLY : OpenFlags.O_RDONLY;
        f |= OpenFlags.O_CLOEXEC;
        if (options.contains(FileOption.CREATE_NEW)) {
            f |= OpenFlags.O_CREAT | OpenFlags.O_EXCL;
        } else if (options.contains(FileOption.CREATE)) {
            f |= OpenFlags.O_CREAT;
        }
        if (options.contains(FileOption.TRUNCATE_EXISTING)) {
            f |= OpenFlags.O_TRUNC;
        }
        if (options.contains(FileOption.DIRECT)) {
            f |= OpenFlags.O_DIRECT;
        }
        if (options.contains(FileOption.SYNC)) {
            f |= OpenFlags.O_SYNC;
        } else if (options.contains(FileOption.DSYNC)) {
            f |= OpenFlags.O_DSYNC;
        }
        return f;
    }

    /**
     * Opens a file.
     *
     * @param path the file
     * @param options how to open it
     * @return the open descriptor, with its O_DIRECT alignment
     * @throws IOException mapped as the JDK maps errno (NoSuchFileException, ...); O_DIRECT on a
     *     filesystem that refuses it gives a FileSystemException naming EINVAL
     */
    public static LinuxFile open(Path path, Set<FileOption> options) throws IOException {
        String p = path.toString();
        int flags = flags(options);
        int fd;
        try (Arena a = Arena.ofConfined()) {
            fd = LibC.open(a.allocateFrom(p), flags, 0644);
        }
        if (fd < 0) {
            throw IoErrors.forPath(fd, "open" + (options.contains(FileOption.DIRECT) ? "(O_DIRECT)" : ""), p);
        }
        int align = options.contains(FileOption.DIRECT) ? directAlignment(fd) : 1;
        return new LinuxFile(fd, p, align, Statfs.memoryBacked(fd));
    }

    /** The O_DIRECT alignment of an open descriptor. */
    static int directAlignment(int fd) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment buf = a.allocate(Statx.LAYOUT);
            int r = LibC.statx(fd, a.allocateFrom(""), Statx.AT_EMPTY_PATH, Statx.STATX_DIOALIGN, buf);
            if (r == 0 && (Statx.stxMask(buf) & Statx.STATX_DIOALIGN) != 0) {
                int mem = Statx.stxDioMemAlign(buf);
                int off = Statx.stxDioOffsetAlign(buf);
                if (mem > 0 && off > 0) {
                    return Math.max(mem, off);
                }
            }
            if (r == 0) {
                int lbs = logicalBlockSize(Statx.stxDevMajor(buf), Statx.stxDevMinor(buf));
                if (lbs > 0) {
                    return lbs;
                }
            }
        }
        return 4096;
    }

    private static int logicalBlockSize(int major, int minor) {
        Path dev = Path.of("/sys/dev/block/" + major + ":" + minor);
        for (Path q : new Path[] {dev.resolve("queue/logical_block_size"), dev.resolve("../queue/logical_block_size")}) {
            try {
                return Integer.parseInt(Files.readString(q).trim());
            } catch (IOException | NumberFormatException | SecurityException ignored) {
                // try the next place; a partition has no queue/ of its own
            }
        }
        return -1;
    }

    @Override
    public int fd() {
        return fd;
    }

    @Override
    public long size() throws IOException {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment buf = a.allocate(Statx.LAYOUT);
            int r = LibC.statx(fd, a.allocateFrom(""), Statx.AT_EMPTY_PATH, Statx.STATX_SIZE, buf);
            if (r < 0) {
                throw IoErrors.forResult(r, "statx", fd, -1, -1);
            }
            return Statx.stxSize(buf);
        }
    }

    @Override
    public void truncate(long size) throws IOException {
        int r = LibC.ftruncate(fd, size);
        if (r < 0) {
            throw IoErrors.forResult(r, "ftruncate", fd, -1, size);
        }
    }

    @Override
    public int alignment() {
        return alignment;
    }

    /** From fstatfs at open: tmpfs, ramfs or hugetlbfs. */
    @Override
    public boolean memoryBacked() {
        return memoryBacked;
    }

    @Override
    public void close() throws IOException {
        int r = LibC.close(fd);
        if (r < 0) {
            throw IoErrors.forResult(r, "close", fd, -1, -1);
        }
    }

    @Override
    public String toString() {
        return "LinuxFile[fd=" + fd + ", " + path + "]";
    }
}
