package io.aio4j.linux.aio;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * The worker pool of seed 002's SQ workqueue: {@code count} daemon threads that run the slots the
 * submitter queues, and park when there is nothing to do. Threads start on the first
 * {@link #execute}, so contexts that only do O_DIRECT I/O never start any.
 *
 * <p>Waking is allocation-free: a worker publishes "parked" and re-checks the queue before it
 * parks; the submitter publishes the entry and then looks for a parked worker to unpark.
 */
final class Workers {
    private static final VarHandle INTS = MethodHandles.arrayElementVarHandle(int[].class);

    private final WorkQueue queue;
    private final IntConsumer task;
    private final String name;
    private final Thread[] threads;
    /** Per worker: 1 while it is parked or about to park. */
    private final int[] parked;
    private volatile boolean stopping;
    private boolean started;

    /**
     * @param count worker threads, at least 1
     * @param capacity queue entries needed (the context's entries; twice that is kept, for the
     *     entries that cancelled requests leave behind)
     * @param task runs one queued slot; must not throw
     */
    Workers(int count, int capacity, IntConsumer task, String name) {
        this.queue = new WorkQueue(2 * capacity);
        this.task = task;
        this.name = name;
        this.threads = new Thread[count];
        this.parked = new int[count];
    }

    /** The number of worker threads. */
    int count() {
        return threads.length;
    }

    /**
     * Queues a slot for a worker; the submitter only.
     *
     * @return false if the queue is full (cannot happen while entries bound the work in flight,
     *     except after many cancels): the caller then runs the slot itself
     */
    boolean execute(int slot) {
        if (!started) {
            start();
        }
        if (!queue.offer(slot)) {
            return false;
        }
        wakeOne();
        return true;
    }

    private void start() {
        started = true;
        for (int i = 0; i < threads.length; i++) {
            int id = i;
            Thread t = Thread.ofPlatform().daemon().name(name + "-worker-" + i).unstarted(() -> loop(id));
            threads[i] = t;
            t.start();
        }
    }

    private void wakeOne() {
        for (int i = 0; i < threads.length; i++) {
            // volatile CAS: ordered after the queue's tail store, against the worker's parked store
            if ((int) INTS.getVolatile(parked, i) == 1 && INTS.compareAndSet(parked, i, 1, 0)) {
                LockSupport.unpark(threads[i]);
                return;
            }
        }
    }

    private void loop(int id) {
        // One call per round rather than the round inlined: each worker enters loop() once, and a
        // running interpreted loop moves to compiled code only when the method's shared back-edge
        // counter overflows on that thread, which most of seed 003's 512 contexts' workers never
        // saw; round() is compiled by its invocation count, for every worker at once.
        while (round(id)) {
            // each round runs one request or parks
        }
    }

    /** Runs one queued request, or parks until there is one; false once stopping with nothing queued. */
    private boolean round(int id) {
        int slot = queue.poll();
        if (slot >= 0) {
            task.accept(slot);
            return true;
        }
        if (stopping) {
            return false;
        }
        INTS.setVolatile(parked, id, 1);
        if (!queue.isEmpty() || stopping) {
            INTS.setVolatile(parked, id, 0);
            return true;
        }
        LockSupport.park(this);
        INTS.setVolatile(parked, id, 0);
        return true;
    }

    /**
     * Stops the workers once the queue is empty and waits until each has finished what it runs.
     * The caller cancels what is still queued first, so the wait is bounded by the running I/O.
     */
    void shutdown() {
        stopping = true;
        if (!started) {
            return;
        }
        boolean interrupted = false;
        for (Thread t : threads) {
            LockSupport.unpark(t);
        }
        for (Thread t : threads) {
            while (t.isAlive()) {
                try {
                    t.join();
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
