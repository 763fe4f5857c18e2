package io.aio4j;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The request slots of a context (seed 004's batch allocation): a fixed table of in-flight
 * requests by slot, and a ring of free slot numbers.
 *
 * <p>The free ring is single-producer/single-consumer by the context's lock discipline: only
 * the submitter (under the submit lock) takes slots, with {@link #peekFree} then
 * {@link #commitTake}; only the reaper (under the reap lock, or close holding both) returns them
 * with {@link #release}. It can never overflow: it holds at most {@code capacity} numbers.
 */
final class SlotTable {
    private static final VarHandle LONGS = MethodHandles.arrayElementVarHandle(long[].class);
    private static final int HEAD = 0;
    private static final int TAIL = 8; // a cache line apart from HEAD

    private final IoRequest[] requests;
    private final int[] generations;
    private final int[] free;
    private final int mask;
    /** [HEAD]: taken (submitter); [TAIL]: returned (reaper). Free numbers are [head, tail). */
    private final long[] counters = new long[16];

    SlotTable(int capacity) {
        requests = new IoRequest[capacity];
        generations = new int[capacity];
        int size = Integer.highestOneBit(Math.max(1, capacity - 1)) << 1;
        free = new int[size];
        mask = size - 1;
        for (int i = 0; i < capacity; i++) {
            free[i] = i;
        }
        counters[TAIL] = capacity;
    }

    int capacity() {
        return requests.length;
    }

    /** How many slots the submitter may take now. */
    int available() {
        // acquire: pairs with the release in release(), so free[] entries are visible
        return (int) ((long) LONGS.getAcquire(counters, TAIL) - counters[HEAD]);
    }

    /** How many slots are in use. */
    int inUse() {
        return requests.length - (int) ((long) LONGS.getAcquire(counters, TAIL) - (long) LONGS.getAcquire(counters, HEAD));
    }

    /** The {@code i}-th free slot (i < available()), without taking it. */
    int peekFree(int i) {
        return free[(int) (counters[HEAD] + i) & mask];
    }

    /** Takes the first {@code n} free slots, as peeked. */
    void commitTake(int n) {
        // release: the reaper's inUse() reads it; the slots' contents are published by the engine
        LONGS.setRelease(counters, HEAD, counters[HEAD] + n);
    }

    /** Returns a slot to the free ring. */
    void release(int slot) {
        requests[slot] = null;
        long tail = counters[TAIL];
        free[(int) tail & mask] = slot;
        // release: the submitter must see free[tail] before the new tail
        LONGS.setRelease(counters, TAIL, tail + 1);
    }

    /** Binds a request to a slot and returns its next generation. */
    int bind(int slot, IoRequest r) {
        requests[slot] = r;
        return ++generations[slot];
    }

    /** Undoes {@link #bind} for a slot that was peeked but not taken. */
    void unbind(int slot) {
        requests[slot] = null;
    }

    IoRequest request(int slot) {
        return slot >= 0 && slot < requests.length ? requests[slot] : null;
    }
}
