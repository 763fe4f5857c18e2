package io.aio4j.bench.run;

import java.util.concurrent.CountDownLatch;

/**
 * Where a wave's job threads wait until all of them are set up, as fio's jobs do before they run:
 * each thread first waits for the launcher to have started them all ({@link #awaitLaunch()}),
 * sets up, then calls {@link #readyAndWait()} (or {@link #ready()} if it failed before),
 * and all of them go once every one is ready and the launcher has called {@link #release()}.
 * Thread-safe; one use.
 */
final class StartLine {
    private final CountDownLatch ready;
    private final CountDownLatch launched = new CountDownLatch(1);
    private final CountDownLatch go = new CountDownLatch(1);

    /** A line for {@code jobs} threads. */
    StartLine(int jobs) {
        this.ready = new CountDownLatch(jobs);
    }

    /**
     * Waits until the launcher has started every thread ({@link #launched()}), so that set-up
     * work does not compete with the launching thread for the CPU: with 512 jobs on 2 cores the
     * launcher, one runnable thread among hundreds setting up, took 0.8 s to start them all.
     *
     * @throws InterruptedException if interrupted while waiting
     */
    void awaitLaunch() throws InterruptedException {
        launched.await();
    }

    /** The launcher has started every thread: they may set up now. */
    void launched() {
        launched.countDown();
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
        release(() -> { });
    }

    /**
     * As {@link #release()}, running {@code beforeGo} once every job is ready and before they go
     * (the launcher waits there for the JIT; see JitQueue).
     *
     * @throws InterruptedException if interrupted while waiting (the line is released anyway)
     */
    void release(Runnable beforeGo) throws InterruptedException {
        launched.countDown(); // in case the launcher failed before calling launched()
        try {
            ready.await();
            beforeGo.run();
        } finally {
            go.countDown();
        }
    }
}
