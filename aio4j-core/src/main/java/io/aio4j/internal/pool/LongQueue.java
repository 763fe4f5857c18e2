package io.aio4j.internal.pool;

import java.util.concurrent.TimeUnit;

/**
 * A bounded blocking FIFO of {@code long}s (request tags) with no per-element allocation, for
 * handing work to the SQ thread and the workers. Capacity is at least the context's, and each
 * tag is queued at most once, so {@link #offer} never finds it full.
 *
 * <p>Guarded by the queue's own monitor, with {@code wait}/{@code notify} for takers: a
 * {@code ReentrantLock} condition allocated a wait node every time a taker waited, about 30 bytes
 * per request handed to an idle worker (JMH {@code SubmitReapBenchmark -prof gc}, threadpool); a
 * monitor's waiters live outside the Java heap.
 */
final class LongQueue {
    private final long[] items;
    private int head;
    private int count;
    private boolean closed;

    LongQueue(int capacity) {
        items = new long[Math.max(1, capacity)];
    }

    /** Adds a tag; false only if the queue is full (a bug upstream) or closed. */
    synchronized boolean offer(long tag) {
        if (closed || count == items.length) {
            return false;
        }
        items[(head + count) % items.length] = tag;
        count++;
        notify();
        return true;
    }

    /**
     * Takes the oldest tag, waiting up to {@code nanos}; returns {@code -1} on timeout, or when the
     * queue is closed and empty. Tags are never negative.
     */
    synchronized long poll(long nanos) {
        if (count == 0) {
            if (closed || nanos <= 0) {
                return -1;
            }
            long deadline = System.nanoTime() + nanos;
            do {
                long left = deadline - System.nanoTime();
                if (closed || left <= 0) {
                    return -1;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(this, left);
                } catch (InterruptedException e) {
                    return -1; // the owner interrupts only to stop the thread
                }
            } while (count == 0);
        }
        long t = items[head];
        head = (head + 1) % items.length;
        count--;
        return t;
    }

    /** Takes a tag if one is queued; -1 otherwise. */
    long pollNow() {
        return poll(0);
    }

    /** Wakes every waiting taker; queued tags can still be taken. */
    synchronized void close() {
        closed = true;
        notifyAll();
    }

    static long nanos(long millis) {
        return TimeUnit.MILLISECONDS.toNanos(millis);
    }
}
