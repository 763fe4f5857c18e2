package io.aio4j.async;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The free request slots of a dispatcher: a single-producer single-consumer ring of slot
 * numbers. The producer is the completion thread (or a thread helping it, one at a time under
 * the context's reap lock), which frees a slot once its event is reaped; the consumer is the
 * drainer, which {@link #peek}s a slot and {@link #take}s it only once its request is accepted.
 * It holds at most {@code capacity} numbers, so it cannot overflow.
 */
final class FreeSlots {
    private static final VarHandle LONGS = MethodHandles.arrayElementVarHandle(long[].class);
    private static final int HEAD = 0;
    private static final int TAIL = 8; // a cache line apart from HEAD

    private final int[] ring;
    private final int mask;
    private final long[] counters = new long[16];

    FreeSlots(int capacity) {
        int size = Integer.highestOneBit(Math.max(1, capacity - 1)) << 1;
        ring = new int[size];
        mask = size - 1;
        for (int i = 0; i < capacity; i++) {
            ring[i] = i;
        }
        counters[TAIL] = capacity;
    }

    /** Frees {@code slot}; producer only. */
    void push(int slot) {
        long tail = counters[TAIL];
        ring[(int) tail & mask] = slot;
        // volatile (not just release): pairs with the drainer's volatile read in isEmpty() after it
        // drops its role, so either it sees this slot or this thread sees the role free (Dekker)
        LONGS.setVolatile(counters, TAIL, tail + 1);
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
        // acquire: pairs with push()'s store of the tail, so ring[head] is the pushed number
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
