package io.aio4j.internal.pool;

import io.aio4j.spi.CompletionSink;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.LockSupport;

/**
 * The portable engine's completion ring: bounded, many producers (the submitter, the SQ thread,
 * workers, a canceller), one consumer (the reaper, serialised by the core). Each cell has a
 * sequence number (Vyukov's bounded queue): a producer claims a position with a CAS on the tail,
 * writes the cell, then publishes it by a release store of the cell's sequence.
 *
 * <p>The ring holds at least as many cells as the context has requests, and each request posts
 * exactly one completion, so it is never full: producers never wait. The consumer copies out
 * what is ready in at most two runs across the wrap (seed 000) and parks when it must wait;
 * producers unpark it only if it is parked.
 */
final class CompletionRing {
    private static final VarHandle SEQ = MethodHandles.arrayElementVarHandle(long[].class);
    private static final VarHandle TAIL;
    private static final VarHandle WAITER;

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            TAIL = l.findVarHandle(CompletionRing.class, "tail", long.class);
            WAITER = l.findVarHandle(CompletionRing.class, "waiter", Thread.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final long[] sequences;
    private final long[] tags;
    private final long[] results;
    private final int mask;
    /** Consumer-only. */
    private long head;
    @SuppressWarnings("unused")
    private volatile long tail;
    @SuppressWarnings("unused")
    private volatile Thread waiter;
    private volatile boolean wakeRequested;

    CompletionRing(int capacity) {
        int size = Integer.highestOneBit(Math.max(2, capacity) - 1) << 1;
        sequences = new long[size];
        tags = new long[size];
        results = new long[size];
        mask = size - 1;
        for (int i = 0; i < size; i++) {
            sequences[i] = i;
        }
    }

    /** Posts a completion; any thread. Never blocks (the ring cannot be full, see the class comment). */
    void post(long tag, long result) {
        long pos = (long) TAIL.getAndAdd(this, 1L);
        int i = (int) pos & mask;
        // acquire: pairs with the consumer's release in drain(); the cell is free once seq == pos
        while ((long) SEQ.getAcquire(sequences, i) != pos) {
            Thread.onSpinWait(); // only if more completions than cells were posted: a bug upstream
        }
        tags[i] = tag;
        results[i] = result;
        // volatile (release + StoreLoad): the consumer must see tag/result before the new sequence,
        // and the read of the waiter below must not pass this store (pairs with await()'s fence)
        SEQ.setVolatile(sequences, i, pos + 1);
        Thread w = (Thread) WAITER.getVolatile(this);
        if (w != null) {
            LockSupport.unpark(w);
        }
    }

    /** Whether a completion is ready to drain. Consumer only. */
    boolean ready() {
        return (long) SEQ.getAcquire(sequences, (int) head & mask) == head + 1;
    }

    /**
     * Delivers every ready completion to {@code sink}, one cell at a time: for close, never for
     * reaping. A loop of its own: close's drain ends on a cell not ready, a branch {@link #drain}
     * never takes while a job reaps what it knows is there, and taking it there deoptimised
     * {@code drain} for every context (a psync job started just after the JIT warm-up's context
     * closed ran its first 12 ms of 38 with drain out of C2).
     */
    int drainAll(CompletionSink sink) {
        int n = 0;
        while (true) {
            int i = (int) head & mask;
            if ((long) SEQ.getAcquire(sequences, i) != head + 1) { // acquire: as in drain
                return n;
            }
            long tag = tags[i];
            long res = results[i];
            SEQ.setRelease(sequences, i, head + sequences.length); // release: as in drain
            head++;
            sink.complete(tag, res, 0);
            n++;
        }
    }

    /** Delivers up to {@code max} ready completions to {@code sink}, in at most two runs. Consumer only. */
    int drain(CompletionSink sink, int max) {
        int n = 0;
        for (int run = 0; run < 2 && n < max; run++) {
            int start = (int) head & mask;
            int end = Math.min(sequences.length, start + (max - n));
            int i = start;
            // acquire: pairs with post()'s release of the cell's sequence
            while (i < end && (long) SEQ.getAcquire(sequences, i) == head + (i - start) + 1) {
                i++;
            }
            int k = i - start;
            for (int j = start; j < i; j++) {
                long tag = tags[j];
                long res = results[j];
                // release: the cell may be reused by the producer that claims position head + size
                SEQ.setRelease(sequences, j, head + (j - start) + sequences.length);
                sink.complete(tag, res, 0);
            }
            head += k;
            n += k;
            if (i < end || k == 0) {
                break;
            }
        }
        return n;
    }

    /**
     * Parks the consumer until a completion is ready, {@link #wakeup()} is called, or
     * {@code nanos} pass ({@code < 0}: no limit). Returns at once if one is ready.
     *
     * @return true if a {@link #wakeup()} ended (or preceded) the wait
     */
    boolean await(long nanos) {
        Thread me = Thread.currentThread();
        WAITER.setVolatile(this, me);
        // full fence: the ready() check below must not pass the waiter store (pairs with post())
        VarHandle.fullFence();
        try {
            if (consumeWake()) {
                return true;
            }
            if (ready()) {
                return false;
            }
            if (nanos < 0) {
                LockSupport.park(this);
            } else if (nanos > 0) {
                LockSupport.parkNanos(this, nanos);
            }
        } finally {
            WAITER.setRelease(this, null);
        }
        return consumeWake();
    }

    /** Makes the current or next {@link #await} return; sticky. Any thread. */
    void wakeup() {
        wakeRequested = true;
        Thread w = (Thread) WAITER.getAcquire(this);
        if (w != null) {
            LockSupport.unpark(w);
        }
    }

    private boolean consumeWake() {
        if (wakeRequested) {
            wakeRequested = false;
            return true;
        }
        return false;
    }
}
