package io.aio4j.bench.run;

import java.util.concurrent.locks.LockSupport;

/**
 * Completions handed from the JDK's pool threads to the one job thread: a bounded ring of
 * (slot, result) pairs that never holds more than the job's depth, so it never overflows and
 * never allocates. Producers are any threads; the consumer is one thread.
 */
final class CompletionQueue {
    private final int[] slots;
    private final long[] results;
    private long head; // guarded by this
    private long tail; // guarded by this
    /** The consumer while it parks; producers unpark it after publishing. */
    private volatile Thread waiter;

    CompletionQueue(int capacity) {
        this.slots = new int[capacity];
        this.results = new long[capacity];
    }

    /** Publishes a completion (any thread). */
    void push(int slot, long result) {
        synchronized (this) {
            int i = (int) (tail % slots.length);
            slots[i] = slot;
            results[i] = result;
            tail++;
        }
        Thread w = waiter; // volatile read after the publish: a consumer that set it will be woken
        if (w != null) {
            LockSupport.unpark(w);
        }
    }

    /**
     * Takes at least {@code min} and at most {@code max} completions, parking while fewer than
     * {@code min} are there (consumer thread only).
     *
     * @throws InterruptedException if interrupted while waiting
     */
    int take(int min, int max, int[] outSlots, long[] outResults) throws InterruptedException {
        int n = 0;
        while (true) {
            n += drain(n, max, outSlots, outResults);
            if (n >= min) {
                return n;
            }
            waiter = Thread.currentThread();
            if (available()) { // a push between drain and the store above did not see the waiter
                waiter = null;
                continue;
            }
            LockSupport.park(this);
            waiter = null;
            if (Thread.interrupted()) {
                throw new InterruptedException("waiting for AsynchronousFileChannel completions");
            }
        }
    }

    private synchronized boolean available() {
        return head < tail;
    }

    private synchronized int drain(int at, int max, int[] outSlots, long[] outResults) {
        int n = 0;
        while (at + n < max && head < tail) {
            int i = (int) (head % slots.length);
            outSlots[at + n] = slots[i];
            outResults[at + n] = results[i];
            head++;
            n++;
        }
        return n;
    }
}
