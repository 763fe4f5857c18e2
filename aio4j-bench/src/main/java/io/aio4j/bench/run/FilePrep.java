package io.aio4j.bench.run;

import io.aio4j.FileOption;
import io.aio4j.IoErrors;
import io.aio4j.bench.options.JobSpec;
import io.aio4j.linux.abi.LibC;
import io.aio4j.linux.abi.OpenFlags;
import io.aio4j.linux.file.LinuxFile;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.EnumSet;
import java.util.SplittableRandom;

/**
 * Gets a job's file ready, as fio does before a job starts: creates it, lays it out (writes it
 * out to its size) when the job reads and the file is short, extends it sparsely for write-only
 * jobs, and drops its page cache (posix_fadvise DONTNEED) when invalidate=1. A job that reads and
 * writes with verify=crc32c gets its whole file laid out with the verify pattern, whatever was
 * there before, so that every read it does can be checked ({@link #laysOutVerifyPattern}).
 */
public final class FilePrep {
    private FilePrep() {
    }

    /**
     * Makes the file of {@code spec} ready and returns the bytes the job covers.
     *
     * @throws IOException if the file cannot be created or written, or if there is no --size and
     *     no file to take it from
     */
    public static long prepare(JobSpec spec) throws IOException {
        return prepare(spec, line -> { });
    }

    /**
     * As {@link #prepare(JobSpec)}, telling {@code notices} fio's line for a file it creates or
     * extends: "name: Laying out IO file (1 file / NMiB)", N the file's size in whole MiB (fio
     * prints it on its normal output only).
     */
    public static long prepare(JobSpec spec, java.util.function.Consumer<String> notices) throws IOException {
        Path f = spec.file();
        long existing = sizeOrMinusOne(f);
        long size = spec.size() > 0 ? spec.size() : existing - spec.offset();
        if (size <= 0) {
            throw new IOException("job " + spec.name() + ": no --size given and " + f
                    + (existing < 0 ? " does not exist" : existing == 0 ? " is empty"
                    : " holds nothing past --offset=" + spec.offset()));
        }
        if (size < spec.blockSize()) {
            throw new IOException("job " + spec.name() + ": " + f + " holds " + size + " bytes, less than --bs=" + spec.blockSize());
        }
        // isDirectory first: createDirectories on a directory that exists fails a mkdir and builds
        // an exception, for each of hundreds of jobs in one directory
        Path dir = f.getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            Files.createDirectories(dir);
        }
        long end = spec.offset() + size; // the region is [offset, offset + size)
        if (existing < end) {
            notices.accept(spec.name() + ": Laying out IO file (1 file / " + (end >> 20) + "MiB)");
        }
        if (laysOutVerifyPattern(spec)) {
            layOutVerifyPattern(f, spec.offset(), size, spec.blockSize());
        } else if (existing < end) {
            if (spec.workload().reads()) {
                layOut(f, Math.max(existing, 0), end, true);
            } else {
                try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
                    raf.setLength(end);
                }
            }
        }
        return size;
    }

    /** The file's size (following links), or -1 if there is none; one stat. */
    private static long sizeOrMinusOne(Path f) throws IOException {
        try {
            return Files.readAttributes(f, BasicFileAttributes.class).size();
        } catch (NoSuchFileException e) {
            return -1;
        }
    }

    /**
     * Whether {@link #prepare} writes the verify pattern (the layout's stamp, 0) to every block of
     * the job's file: for jobs that read and write with verify=crc32c, whose reads are checked
     * against what the block is known to hold.
     */
    static boolean laysOutVerifyPattern(JobSpec spec) {
        return spec.verify() && spec.workload().reads() && spec.workload().writes();
    }

    /**
     * Writes the verify pattern of every whole block of {@code [from, from + size)}, then zeros to
     * its end, and syncs them; what the file holds before {@code from} is left as it is.
     */
    static void layOutVerifyPattern(Path f, long from, long size, int blockSize) throws IOException {
        int perChunk = Math.max(1, (1 << 20) / blockSize);
        MemorySegment chunk = Arena.ofAuto().allocate((long) perChunk * blockSize, 8);
        ByteBuffer view = chunk.asByteBuffer();
        long blocks = size / blockSize;
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            for (long b = 0; b < blocks; b += perChunk) {
                int n = (int) Math.min(perChunk, blocks - b);
                fillLayout(chunk, from + b * blockSize, n, blockSize);
                view.clear().limit(n * blockSize);
                for (long at = from + b * blockSize; view.hasRemaining(); ) {
                    at += ch.write(view, at);
                }
            }
            long end = from + size;
            if (ch.size() < end) {
                ch.write(ByteBuffer.allocate((int) (end - ch.size())), ch.size()); // a tail shorter than a block
            }
            ch.force(false);
        }
    }

    /** Fills {@code chunk} with {@code n} layout blocks (stamp 0) for the offsets from {@code offset} on. */
    static void fillLayout(MemorySegment chunk, long offset, int n, int blockSize) {
        MemorySegment[] blocks = new MemorySegment[n];
        for (int i = 0; i < n; i++) {
            blocks[i] = chunk.asSlice((long) i * blockSize, blockSize);
        }
        VerifyPattern p = new VerifyPattern(blocks);
        for (int i = 0; i < n; i++) {
            p.fill(i, blocks[i], offset + (long) i * blockSize, blockSize, 0);
        }
    }

    /** Writes random bytes from {@code from} to {@code to}, 1 MiB at a time, and syncs them if {@code sync}. */
    static void layOut(Path f, long from, long to, boolean sync) throws IOException {
        ByteBuffer block = LayoutBlock.BYTES.duplicate(); // a view of its own: callers run on several threads
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            for (long at = from; at < to; ) {
                block.clear().limit((int) Math.min(block.capacity(), to - at));
                at += ch.write(block, at);
            }
            if (sync) {
                ch.force(false);
            }
        }
    }

    /**
     * The bytes every laid-out file is written with: 1 MiB of random bytes, made once per process
     * and only read after (as fio, which fills its layout buffer once, not per file). Each file had
     * made its own 1 MiB direct buffer, zeroed and filled 8 bytes at a time: seed 003's 512 files
     * of 256 KiB made 512 MiB and 67 million random longs, and laying them out took 750-900 ms of
     * the run's start, against the warm-up for the two CPUs.
     */
    private static final class LayoutBlock {
        static final ByteBuffer BYTES;

        static {
            byte[] random = new byte[1 << 20];
            new SplittableRandom().nextBytes(random);
            BYTES = ByteBuffer.allocateDirect(random.length).put(random).flip().asReadOnlyBuffer();
        }
    }

    /**
     * Whether the file lives in memory (tmpfs, ramfs, hugetlbfs), so that I/O on it changes no page
     * cache a later job would see; false when it cannot be told.
     */
    static boolean memoryBacked(Path f) {
        try {
            LinuxFile lf = LinuxFile.open(f, EnumSet.of(FileOption.READ));
            try {
                return lf.memoryBacked();
            } finally {
                lf.close();
            }
        } catch (IOException | RuntimeException | LinkageError e) {
            return false;
        }
    }

    /**
     * Drops the file's pages from the page cache (fio's invalidate=1).
     *
     * @throws IOException if the file cannot be opened or the kernel refuses
     */
    public static void invalidate(Path f) throws IOException {
        // a bare open, not LinuxFile.open: every job of a wave does this, and the descriptor needs
        // none of what LinuxFile works out (flags from options, the file system, O_DIRECT alignment)
        int fd;
        try (Arena a = Arena.ofConfined()) {
            fd = LibC.open(a.allocateFrom(f.toString()), OpenFlags.O_RDONLY | OpenFlags.O_CLOEXEC, 0);
        }
        if (fd < 0) {
            throw IoErrors.forPath(fd, "open", f.toString());
        }
        try {
            int r = LibC.posixFadvise(fd, 0, 0, LibC.POSIX_FADV_DONTNEED);
            if (r < 0) {
                throw new IOException("posix_fadvise(" + f + ", DONTNEED): " + IoErrors.resultText(r));
            }
        } finally {
            LibC.close(fd);
        }
    }
}
