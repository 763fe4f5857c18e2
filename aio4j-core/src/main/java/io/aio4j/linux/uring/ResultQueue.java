package io.aio4j.linux.uring;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Completions the engine produced itself, without a CQE (emulated ops, requests refused before
 * they reached the ring), waiting for the reaper. Single producer (the submitter) and single
 * consumer (the reaper); bounded by the context's entries, so {@link #offer} cannot fail while the
 * core respects its in-flight cap.
 */
final class ResultQueue {
    private static final VarHandle LONGS = MethodHandles.arrayElementVarHandle(long[].class);
    private static final int HEAD = 0;
    private static final int TAIL = 8; // a cache line apart

    private final long[] tags;
    private final long[] results;
    private final int mask;
    private final long[] counters = new long[16];

    ResultQueue(int capacity) {
        int size = Integer.highestOneBit(Math.max(1, capacity - 1)) << 1;
        tags = new long[size];
        results = new long[size];
        mask = size - 1;
    }

    /** Adds a completion; false if full (cannot happen within the core's in-flight cap). */
    boolean offer(long tag, long result) {
        long tail = counters[TAIL];
        // acquire: pairs with the release in poll(), so the slot is free to reuse
        if (tail - (long) LONGS.getAcquire(counters, HEAD) == tags.length) {
            return false;
        }
        tags[(int) tail & mask] = tag;
        results[(int) tail & mask] = result;
        // release: the reaper must see the entry before the new tail
        LONGS.setRelease(counters, TAIL, tail + 1);
        return true;
    }

    /** Whether the queue looks empty to the consumer. */
    boolean isEmpty() {
        // acquire: pairs with the release in offer()
        return (long) LONGS.getAcquire(counters, TAIL) == counters[HEAD];
    }

    /** Hands up to {@code max} completions to {@code sink}; returns how many. */
    int drain(io.aio4j.spi.CompletionSink sink, int max) {
        long head = counters[HEAD];
        // acquire: pairs with the release in offer()
        long tail = (long) LONGS.getAcquire(counters, TAIL);
        int n = 0;
        while (head != tail && n < max) {
            int i = (int) head & mask;
            long tag = tags[i];
            long result = results[i];
            head++;
            // release: the slot's contents were read before the producer may reuse it
            LONGS.setRelease(counters, HEAD, head);
            sink.complete(tag, result, 0);
            n++;
        }
        return n;
    }
}
