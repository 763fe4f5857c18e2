package io.aio4j.async;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The free request slots of a dispatcher: a single-producer single-consumer ring of slot
 * numbers. The producer is the completion thread (nested reaping in helpUntil runs on it too),
 * which stages the slots of a batch of reaped events and publishes them at once; the consumer is
 * the drainer, which {@link #peek}s a slot and {@link #take}s it only once its request is
 * prepared. It holds at most {@code capacity} numbers, so it cannot overflow.
 */
final class FreeSlots {
    private static final VarHandle LONGS = MethodHandles.arrayElementVarHandle(long[].class);
    private static final int HEAD = 0;
    private static final int TAIL = 8; // a cache line apart from HEAD

    private final int[] ring;
    private final int mask;
    private final long[] counters = new long[16];
    /** Producer-owned: the tail including staged, unpublished slots. */
    private long staged;

    FreeSlots(int capacity) {
        int size = Integer.highestOneBit(Math.max(1, capacity - 1)) << 1;
        ring = new int[size];
        mask = size - 1;
        for (int i = 0; i < capacity; i++) {
            ring[i] = i;
        }
        counters[TAIL] = capacity;
        staged = capacity;
    }

    /** Frees {@code slot}, unseen by the consumer until {@link #publish()}; producer only. */
    void stage(int slot) {
        ring[(int) staged++ & mask] = slot;
    }

    /** Makes every staged slot visible to the consumer; producer only. */
    void publish() {
        // volatile (not just release): pairs with the drainer's volatile read in isEmpty() after it
        // drops its role, so either it sees these slots or this thread sees the role free (Dekker)
        LONGS.setVolatile(counters, TAIL, staged);
    }

    /** Whether no slot is free; consumer only. */
    boolean isEmpty() {
        return (long) LONGS.getVolatile(counters, TAIL) == counters[HEAD];
    }

    /** How many slots were ever freed (a volatile read); changes whenever a completion frees one. */
    long pushed() {
        return (long) LONGS.getVolatile(counters, TAIL);
    }

    /** The next free slot without taking it, or -1; consumer only. */
    int peek() {
        long head = counters[HEAD];
        // acquire: pairs with publish()'s store of the tail, so ring[head] is the pushed number
        if ((long) LONGS.getAcquire(counters, TAIL) == head) {
            return -1;
        }
        return ring[(int) head & mask];
    }

    /** Takes the slot last peeked; consumer only. */
    void take() {
        // release: the producer may overwrite the entry once it sees the new head (it never
        // reads the head, as the ring cannot overflow; release keeps the contract simple)
        LONGS.setRelease(counters, HEAD, counters[HEAD] + 1);
    }
}
