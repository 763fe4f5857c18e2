package io.aio4j.linux.aio;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The workers' queue of slot numbers: a bounded single-producer (the submitter),
 * multi-consumer (the workers) ring, lock-free and allocation-free.
 *
 * <p>An entry is only a hint that its slot holds work: a worker claims the work by moving the
 * slot's state from QUEUED to RUNNING, so an entry left behind by a cancelled request, whose slot
 * was reused since, runs (at most) the newer request or nothing, and never runs anything twice.
 */
final class WorkQueue {
    private static final VarHandle HEAD;
    private static final VarHandle TAIL;

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            HEAD = l.findVarHandle(WorkQueue.class, "head", long.class);
            TAIL = l.findVarHandle(WorkQueue.class, "tail", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final int[] slots;
    private final int mask;
    @SuppressWarnings("unused")
    private volatile long head;
    @SuppressWarnings("unused")
    private volatile long tail;

    /** A queue of at least {@code capacity} entries (rounded up to a power of two). */
    WorkQueue(int capacity) {
        int size = Integer.highestOneBit(Math.max(1, capacity - 1)) << 1;
        slots = new int[size];
        mask = size - 1;
    }

    /** Adds a slot; the producer only. False when full (the caller then does the work itself). */
    boolean offer(int slot) {
        long t = tail;
        if (t - (long) HEAD.getVolatile(this) >= slots.length) {
            return false;
        }
        slots[(int) t & mask] = slot;
        // volatile: publishes the entry (release) and orders it before the producer's later check
        // for parked workers (Workers.wakeOne), against their own parked-then-isEmpty check
        TAIL.setVolatile(this, t + 1);
        return true;
    }

    /** Takes the oldest slot, or -1 when empty; any consumer. */
    int poll() {
        while (true) {
            long h = (long) HEAD.getVolatile(this);
            // acquire (volatile): pairs with the producer's store of tail, so slots[h] is visible
            long t = (long) TAIL.getVolatile(this);
            if (h >= t) {
                return -1;
            }
            int slot = slots[(int) h & mask];
            // the producer cannot overwrite index h while head is still h (offer checks head)
            if (HEAD.compareAndSet(this, h, h + 1)) {
                return slot;
            }
        }
    }

    /** Whether there is nothing to take (volatile reads). */
    boolean isEmpty() {
        return (long) HEAD.getVolatile(this) >= (long) TAIL.getVolatile(this);
    }
}
