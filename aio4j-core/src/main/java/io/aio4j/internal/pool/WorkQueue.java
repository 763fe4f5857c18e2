package io.aio4j.internal.pool;

import io.aio4j.LinkFlags;
import io.aio4j.spi.Tags;
import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * SQ_WORKQUEUE mode (seed 002's workqueue): units run on a pool of workers, min(2 x CPUs,
 * entries) by default, in any order. The workers start with the first unit handed to them, so a
 * context whose reads all complete inline (page-cached, tried with RWF_NOWAIT) never starts any,
 * and opening and closing one costs no thread start or join (seed 003's many contexts).
 *
 * <p>A unit whose head carries DRAIN waits until every unit dispatched before it has finished,
 * and units submitted after it wait until it has finished (io_uring's IOSQE_IO_DRAIN); those are
 * held in a FIFO guarded by a lock used only then.
 */
final class WorkQueue {
    /** Sentinel for "no DRAIN unit running"; tags are never negative. */
    private static final long NONE = -1;

    private final LongQueue queue;
    private final UnitRunner runner;
    private final Thread[] workers;
    private final AtomicInteger outstanding = new AtomicInteger();
    /** Held units: {tag, 1 if DRAIN}. Only used once a DRAIN was seen. */
    private final ArrayDeque<long[]> held = new ArrayDeque<>();
    private volatile boolean holding;
    private volatile long drainRunning = NONE;
    private volatile boolean closing;
    /** Set, after {@link #workers} is filled, by the first dispatch: the submitter's, under its lock. */
    private volatile boolean started;

    WorkQueue(UnitRunner runner, int capacity, int workerCount, String name) {
        this.queue = new LongQueue(capacity);
        this.runner = runner;
        this.workers = new Thread[workerCount];
        for (int i = 0; i < workerCount; i++) {
            workers[i] = Thread.ofPlatform().daemon().name(name + "-" + i).unstarted(this::loop);
        }
    }

    int workerCount() {
        return workers.length;
    }

    /** Whether units are held behind a DRAIN (then the inline NOWAIT try must not overtake them). */
    boolean holding() {
        return holding;
    }

    /** Hands a unit to the workers, or holds it behind a DRAIN (submitter thread). */
    void offer(long headTag) {
        boolean drain = (runner.request(Tags.slot(headTag)).linkFlags() & LinkFlags.DRAIN) != 0;
        runner.markQueued(headTag);
        if (!drain && !holding) {
            dispatch(headTag);
            return;
        }
        synchronized (held) {
            held.addLast(new long[] {headTag, drain ? 1 : 0});
            holding = true;
            release();
        }
    }

    private void dispatch(long headTag) {
        outstanding.incrementAndGet();
        if (started || start()) {
            queue.offer(headTag);
            return;
        }
        // no worker could be made (the process is out of native threads): the submitter runs the
        // unit itself, as Linux AIO's workers do when their queue is full, rather than lose it
        if (runner.claim(headTag)) {
            runner.run(headTag);
        }
        finished(headTag);
    }

    /**
     * Starts the workers; true if at least one runs. The first dispatch is always the submitter's
     * (offer, or release under offer's lock): a worker that could dispatch exists only once they
     * are started. Where none could start, the next dispatch tries again.
     */
    private boolean start() {
        int running = 0;
        for (Thread w : workers) {
            try {
                w.start();
                running++;
            } catch (OutOfMemoryError e) {
                // "unable to create native thread": run with the workers that did start
            }
        }
        started = running > 0;
        return started;
    }

    /** Dispatches held units as far as DRAIN allows. Caller holds the lock on {@code held}. */
    private void release() {
        while (!held.isEmpty() && drainRunning == NONE) {
            long[] h = held.peekFirst();
            if (h[1] == 1) {
                if (outstanding.get() != 0) {
                    break;
                }
                drainRunning = h[0];
            }
            held.pollFirst();
            dispatch(h[0]);
        }
        holding = !held.isEmpty() || drainRunning != NONE;
    }

    private void loop() {
        while (true) {
            long t = queue.poll(LongQueue.nanos(100));
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
            finished(t);
        }
    }

    private void finished(long t) {
        int left = outstanding.decrementAndGet();
        boolean wasDrain = t == drainRunning;
        if (wasDrain || (left == 0 && holding)) {
            synchronized (held) {
                if (wasDrain) {
                    drainRunning = NONE;
                }
                release();
            }
        }
    }

    /** Cancels queued and held units, lets running ones finish, and joins the workers. */
    void close() {
        closing = true;
        synchronized (held) {
            while (!held.isEmpty()) {
                runner.cancel(held.pollFirst()[0]);
            }
            holding = false;
        }
        queue.close();
        for (Thread w : workers) {
            Joins.join(w); // returns at once for a worker never started
        }
    }
}
