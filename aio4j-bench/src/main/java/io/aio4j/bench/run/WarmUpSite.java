package io.aio4j.bench.run;

import io.aio4j.bench.options.JobSpec;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a wave's JIT warm-up does its I/O, so that it leaves nothing the jobs would find.
 *
 * <ul>
 * <li>{@link #JOB_FILE}: the first job's own file, where the warm-up leaves no trace there: O_DIRECT,
 *     a file in memory, or buffered reads whose page cache is dropped again afterwards
 *     (invalidate, fio's default).
 * <li>{@link #SCRATCH}: a file of its own beside the job's, of the same kind (same directory,
 *     same open flags), deleted when the warm-up ends. For buffered I/O on a disk that the job's
 *     file would keep: written pages that would be written back during the job, or read pages
 *     that stay cached under invalidate=0. Deleting the scratch file drops its pages, dirty or not,
 *     without writing them back.
 * <li>{@link #NONE}: neither can be had (a buffered device, or a directory not writable).
 * </ul>
 */
enum WarmUpSite {
    JOB_FILE, SCRATCH, NONE;

    /** The most bytes a scratch file covers: the warm-up's I/Os wrap around it, as a job's loops do. */
    static final long SCRATCH_MAX_BYTES = 64L << 20;

    /** Where the warm-up of a wave whose first job is {@code first} runs (its file prepared). */
    static WarmUpSite of(JobSpec first) {
        if (first.direct() || (first.invalidate() && !first.workload().writes()) || FilePrep.memoryBacked(first.file())) {
            return JOB_FILE;
        }
        Path dir = first.file().toAbsolutePath().getParent();
        return Files.isRegularFile(first.file()) && dir != null && Files.isWritable(dir) ? SCRATCH : NONE;
    }

    /**
     * The scratch file for {@code first}'s warm-up, made ready for its workload, and the bytes it
     * covers: at most {@link #SCRATCH_MAX_BYTES} and {@code jobBytes}, whole blocks, at least one.
     * Laid out with data when the job reads, not synced (it is deleted unwritten).
     */
    static Scratch scratchFor(JobSpec first, long jobBytes) throws IOException {
        int bs = Math.max(1, first.blockSize());
        long bytes = Math.max(bs, Math.min(jobBytes, SCRATCH_MAX_BYTES) / bs * bs);
        Path dir = first.file().toAbsolutePath().getParent();
        Path f = Files.createTempFile(dir, ".aio4j-warmup.", ".tmp");
        try {
            f.toFile().deleteOnExit(); // should the process be stopped during the warm-up
            if (first.workload().reads()) {
                FilePrep.layOut(f, 0, bytes, false);
            } else {
                try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
                    raf.setLength(bytes);
                }
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(f);
            throw e;
        }
        return new Scratch(first.onScratchFile(f), bytes);
    }

    /** A scratch file's job (the first job's, on the scratch file) and the bytes it covers; closing deletes it. */
    record Scratch(JobSpec spec, long bytes) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            Files.deleteIfExists(spec.file());
        }
    }
}
