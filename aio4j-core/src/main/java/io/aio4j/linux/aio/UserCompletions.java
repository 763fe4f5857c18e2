package io.aio4j.linux.aio;

import io.aio4j.spi.CompletionSink;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Completions produced in user space (NOOP, inline reads, submit errors, worker results,
 * cancels): a bounded multi-producer, single-consumer ring of (tag, result).
 *
 * <p>Producers: the submitter and the workers, concurrently. Consumer: the reaper, or close.
 * Capacity is the context's entry count rounded up to a power of two; every entry belongs to a
 * request in flight whose completion has not been delivered yet, and there are at most
 * {@code entries} of those, so {@link #push} never finds the ring full.
 */
final class UserCompletions {
    private static final VarHandle LONGS = MethodHandles.arrayElementVarHandle(long[].class);
    private static final VarHandle TAIL;

    static {
        try {
            TAIL = MethodHandles.lookup().findVarHandle(UserCompletions.class, "tail", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final long[] tags;
    private final long[] results;
    /** Per cell: the position it may be written at (== pos) or read at (== pos + 1). */
    private final long[] sequence;
    private final int mask;
    @SuppressWarnings("unused")
    private volatile long tail;
    private long head;

    UserCompletions(int entries) {
        int size = Integer.highestOneBit(Math.max(1, entries - 1)) << 1;
        tags = new long[size];
        results = new long[size];
        sequence = new long[size];
        for (int i = 0; i < size; i++) {
            sequence[i] = i;
        }
        mask = size - 1;
    }

    /** Adds a completion; any thread. */
    void push(long tag, long result) {
        long pos = (long) TAIL.getAndAdd(this, 1L);
        int i = (int) pos & mask;
        // acquire: pairs with the consumer's release that freed this cell; by the capacity bound
        // it is already free, the wait only covers a consumer that is still finishing its read
        while ((long) LONGS.getAcquire(sequence, i) != pos) {
            Thread.onSpinWait();
        }
        tags[i] = tag;
        results[i] = result;
        // release: the consumer must see tag and result before the cell's new sequence
        LONGS.setRelease(sequence, i, pos + 1);
    }

    /** Delivers up to {@code max} completions to {@code sink}; the one consumer only. */
    int drain(CompletionSink sink, int max) {
        int n = 0;
        while (n < max) {
            int i = (int) head & mask;
            // acquire: pairs with the producer's release in push()
            if ((long) LONGS.getAcquire(sequence, i) != head + 1) {
                break;
            }
            long tag = tags[i];
            long result = results[i];
            // release: the cell may be written again for position head + size
            LONGS.setRelease(sequence, i, head + mask + 1);
            head++;
            sink.complete(tag, result, 0);
            n++;
        }
        return n;
    }

    /**
     * Delivers every completion to close's {@code sink}; the one consumer only. A loop of its own
     * rather than {@link #drain}: C2 compiles the reaper's drain with its sink's class checked once
     * before the loop (a profiled loop predicate), and close's sink, of another class, failed that
     * check and deoptimised the reap path of every context (seed 003: at each close while 512 jobs
     * reaped, drain and IoContext.getEvents compiled 2 to 3 times).
     */
    int drainAll(CompletionSink sink) {
        int n = 0;
        while (true) {
            int i = (int) head & mask;
            if ((long) LONGS.getAcquire(sequence, i) != head + 1) { // acquire: as in drain
                return n;
            }
            long tag = tags[i];
            long result = results[i];
            LONGS.setRelease(sequence, i, head + mask + 1); // release: as in drain
            head++;
            sink.complete(tag, result, 0);
            n++;
        }
    }

    /** Whether a completion is ready for the consumer (it may miss one being pushed right now). */
    boolean isEmpty() {
        return (long) LONGS.getAcquire(sequence, (int) head & mask) != head + 1;
    }
}
