package io.aio4j.internal.pool;

/**
 * SQ_THREAD mode (seed 002's submitter thread): one thread takes units from the submission
 * queue in order and runs them, so requests execute one at a time in submission order (as the
 * seed's SQTHREAD serialises buffered I/O). When the queue stays empty for the idle time it
 * parks until the next submission wakes it; while busy it polls without waiting.
 */
final class SqThread {
    private final LongQueue queue;
    private final UnitRunner runner;
    private final Thread thread;
    private final long idleNanos;
    private volatile boolean closing;

    SqThread(UnitRunner runner, int capacity, int idleMillis, String name) {
        this.queue = new LongQueue(capacity);
        this.runner = runner;
        this.idleNanos = LongQueue.nanos(idleMillis);
        this.thread = Thread.ofPlatform().daemon().name(name).unstarted(this::loop);
        thread.start();
    }

    /** Queues a unit (submitter thread). */
    boolean offer(long headTag) {
        runner.markQueued(headTag);
        return queue.offer(headTag);
    }

    private void loop() {
        while (true) {
            long t = queue.poll(idleNanos);
            if (t < 0) {
                if (closing) {
                    return;
                }
                continue;
            }
            if (closing) {
                runner.cancel(t);
            } else if (runner.claim(t)) {
                runner.run(t);
            }
        }
    }

    /** Cancels what is queued, lets the running unit finish, and joins the thread. */
    void close() {
        closing = true;
        queue.close();
        Joins.join(thread);
    }
}
