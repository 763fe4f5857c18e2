package io.aio4j.bench.run;

import java.io.IOException;
import java.lang.foreign.MemorySegment;

/**
 * What a job drives: a fixed set of request slots {@code 0..depth-1}, each with its own buffer,
 * prepared, submitted in batches and reaped, the way fio drives an ioengine. One thread (the
 * job's) calls every method; after {@link #open} nothing here may allocate on the hot path.
 *
 * <p>A slot is idle until prepared and submitted, in flight until reaped; its buffer belongs to
 * the backend while in flight.
 */
public interface IoBackend extends AutoCloseable {
    /** The name to report (fio's ioengine spelling). */
    String name();

    /** A line saying what really runs (engine, why, downgrades). */
    String description();

    /** The buffer of a slot: native, aligned for O_DIRECT, {@code blockSize} bytes. */
    MemorySegment buffer(int slot);

    /** Prepares slot {@code slot} to read {@code length} bytes at {@code offset}. */
    void prepRead(int slot, long offset, int length);

    /** Prepares slot {@code slot} to write {@code length} bytes of its buffer at {@code offset}. */
    void prepWrite(int slot, long offset, int length);

    /** Prepares slot {@code slot} to fsync the file. */
    void prepFsync(int slot);

    /**
     * Submits the prepared slots {@code slots[from .. from+count)} in order.
     *
     * @return how many were accepted (a prefix); fewer only when the backend is full
     * @throws IOException if submission failed outright
     */
    int submit(int[] slots, int from, int count) throws IOException;

    /**
     * Waits until at least {@code min} slots have completed (0: do not wait), then takes up to
     * {@code max}, writing slot numbers to {@code doneSlots} and results (bytes, or -errno) to
     * {@code doneResults} from index 0.
     *
     * @return the number taken
     * @throws IOException if reaping failed outright
     * @throws InterruptedException if the job thread was interrupted while waiting
     */
    int reap(int min, int max, int[] doneSlots, long[] doneResults) throws IOException, InterruptedException;

    /** Waits for everything in flight, then releases every resource. */
    @Override
    void close() throws IOException;
}
