package io.aio4j.bench.run;

import java.util.concurrent.CountDownLatch;

/**
 * Where a wave's job threads wait until all of them are set up, as fio's jobs do before they run:
 * each thread calls {@link #readyAndWait()} once set up (or {@link #ready()} if it failed before),
 * and all of them go once every one is ready and the launcher has called {@link #release()}.
 * Thread-safe; one use.
 */
final class StartLine {
    private final CountDownLatch ready;
    private final CountDownLatch go = new CountDownLatch(1);

    /** A line for {@code jobs} threads. */
    StartLine(int jobs) {
        this.ready = new CountDownLatch(jobs);
    }

    /** Counts a job as set up (or as failed) without waiting. */
    void ready() {
        ready.countDown();
    }

    /**
     * Counts the calling job as set up and waits until every job is and the launcher released the line.
     *
     * @throws InterruptedException if interrupted while waiting
     */
    void readyAndWait() throws InterruptedException {
        ready.countDown();
        go.await();
    }

    /**
     * Called by the launcher once it started every thread: waits until all are ready, then lets
     * them go. A job that never becomes ready (its thread died) cannot hold the others: every
     * path of a job thread counts itself ready first.
     *
     * @throws InterruptedException if interrupted while waiting (the line is released anyway)
     */
    void release() throws InterruptedException {
        try {
            ready.await();
        } finally {
            go.countDown();
        }
    }
}
