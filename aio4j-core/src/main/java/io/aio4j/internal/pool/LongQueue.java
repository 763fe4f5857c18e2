package io.aio4j.internal.pool;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A bounded blocking FIFO of {@code long}s (request tags) with no per-element allocation, for
 * handing work to the SQ thread and the workers. Capacity is at least the context's, and each
 * tag is queued at most once, so {@link #offer} never finds it full.
 */
final class LongQueue {
    private final long[] items;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private int head;
    private int count;
    private boolean closed;

    LongQueue(int capacity) {
        items = new long[Math.max(1, capacity)];
    }

    /** Adds a tag; false only if the queue is full (a bug upstream) or closed. */
    boolean offer(long tag) {
        lock.lock();
        try {
            if (closed || count == items.length) {
                return false;
            }
            items[(head + count) % items.length] = tag;
            count++;
            notEmpty.signal();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Takes the oldest tag, waiting up to {@code nanos}; returns {@code -1} on timeout, or when the
     * queue is closed and empty. Tags are never negative.
     */
    long poll(long nanos) {
        lock.lock();
        try {
            long left = nanos;
            while (count == 0) {
                if (closed || left <= 0) {
                    return -1;
                }
                try {
                    left = notEmpty.awaitNanos(left);
                } catch (InterruptedException e) {
                    return -1; // the owner interrupts only to stop the thread
                }
            }
            long t = items[head];
            head = (head + 1) % items.length;
            count--;
            return t;
        } finally {
            lock.unlock();
        }
    }

    /** Takes a tag if one is queued; -1 otherwise. */
    long pollNow() {
        return poll(0);
    }

    /** Wakes every waiting taker; queued tags can still be taken. */
    void close() {
        lock.lock();
        try {
            closed = true;
            notEmpty.signalAll();
        } finally {
            lock.unlock();
        }
    }

    static long nanos(long millis) {
        return TimeUnit.MILLISECONDS.toNanos(millis);
    }
}
