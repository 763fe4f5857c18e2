package io.aio4j.bench.run;

import io.aio4j.FileOption;
import io.aio4j.IoErrors;
import io.aio4j.bench.options.JobSpec;
import io.aio4j.linux.abi.LibC;
import io.aio4j.linux.file.LinuxFile;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.EnumSet;
import java.util.SplittableRandom;

/**
 * Gets a job's file ready, as fio does before a job starts: creates it, lays it out (writes it
 * out to its size) when the job reads and the file is short, extends it sparsely for write-only
 * jobs, and drops its page cache (posix_fadvise DONTNEED) when invalidate=1.
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
        Path f = spec.file();
        long existing = Files.exists(f) ? Files.size(f) : -1;
        long size = spec.size() > 0 ? spec.size() : existing;
        if (size <= 0) {
            throw new IOException("job " + spec.name() + ": no --size given and " + f
                    + (existing < 0 ? " does not exist" : " is empty"));
        }
        if (size < spec.blockSize()) {
            throw new IOException("job " + spec.name() + ": " + f + " holds " + size + " bytes, less than --bs=" + spec.blockSize());
        }
        if (f.getParent() != null) {
            Files.createDirectories(f.getParent());
        }
        if (existing < size) {
            if (spec.workload().reads()) {
                layOut(f, Math.max(existing, 0), size);
            } else {
                try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
                    raf.setLength(size);
                }
            }
        }
        return size;
    }

    /** Writes random bytes from {@code from} to {@code to}, 1 MiB at a time, and syncs them. */
    static void layOut(Path f, long from, long to) throws IOException {
        ByteBuffer block = ByteBuffer.allocateDirect(1 << 20);
        SplittableRandom r = new SplittableRandom(from ^ to);
        while (block.remaining() >= 8) {
            block.putLong(r.nextLong());
        }
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            for (long at = from; at < to; ) {
                block.clear().limit((int) Math.min(block.capacity(), to - at));
                at += ch.write(block, at);
            }
            ch.force(false);
        }
    }

    /**
     * Drops the file's pages from the page cache (fio's invalidate=1).
     *
     * @throws IOException if the file cannot be opened or the kernel refuses
     */
    public static void invalidate(Path f) throws IOException {
        LinuxFile lf = LinuxFile.open(f, EnumSet.of(FileOption.READ));
        try {
            int r = LibC.posixFadvise(lf.fd(), 0, 0, LibC.POSIX_FADV_DONTNEED);
            if (r < 0) {
                throw new IOException("posix_fadvise(" + f + ", DONTNEED): " + IoErrors.resultText(r));
            }
        } finally {
            lf.close();
        }
    }
}
