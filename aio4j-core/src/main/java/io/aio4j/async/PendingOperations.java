package io.aio4j.async;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The operations of one owner (a file, a channel) between submission and completion, so that
 * its close can wait for them as the JDK's channels do. For front ends; thread-safe.
 */
public final class PendingOperations {
    private final AtomicInteger count = new AtomicInteger();
    private volatile boolean closing;

    /** Creates an empty count. */
    public PendingOperations() {
    }

    /** An operation starts (before it is submitted). */
    public void begin() {
        count.incrementAndGet();
    }

    /** An operation finished (before its caller hears of it). */
    public void end() {
        if (count.decrementAndGet() == 0 && closing) {
            synchronized (this) {
                notifyAll();
            }
        }
    }

    /** How many operations are pending. */
    public int count() {
        return count.get();
    }

    /**
     * Waits until no operation is pending, uninterruptibly (their buffers are the kernel's until
     * then), keeping the interrupt status. Only for a closing owner: it must not begin more.
     */
    public void awaitNone() {
        closing = true;
        boolean interrupted = false;
        synchronized (this) {
            while (count.get() != 0) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
