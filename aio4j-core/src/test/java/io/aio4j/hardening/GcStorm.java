package io.aio4j.hardening;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A daemon thread that calls System.gc() every few milliseconds and allocates garbage in
 * between, so that memory only the context still references would be collected (and a buffer
 * freed under the kernel) if the context did not keep it reachable.
 */
final class GcStorm implements AutoCloseable {
    private final Thread thread;
    private final AtomicLong collections = new AtomicLong();
    private volatile boolean stop;
    @SuppressWarnings("unused")
    private volatile Object sink;

    GcStorm(long periodMillis) {
        thread = Thread.ofPlatform().daemon().name("gc-storm").start(() -> {
            long next = System.nanoTime();
            while (!stop) {
                sink = new byte[32 * 1024];
                if (System.nanoTime() - next >= 0) {
                    System.gc();
                    collections.incrementAndGet();
                    next = System.nanoTime() + periodMillis * 1_000_000L;
                } else {
                    Thread.onSpinWait();
                    try {
                        Thread.sleep(0, 200_000);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        });
    }

    /** How many System.gc() calls were made. */
    long collections() {
        return collections.get();
    }

    @Override
    public void close() {
        stop = true;
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
