package io.aio4j.async;

import io.aio4j.ContextClosedException;
import io.aio4j.ContextOptions;
import io.aio4j.FileOption;
import io.aio4j.IoContext;
import io.aio4j.IoEvent;
import io.aio4j.IoFile;
import io.aio4j.IoRequest;
import io.aio4j.jfr.IoOperationEvent;
import io.aio4j.jfr.OperationEvents;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Runs an {@link IoContext} for callers that want callbacks rather than a reaping loop: the
 * completion dispatcher shared by {@link AsyncFile}, {@link BlockingFile} and the
 * AsynchronousFileChannel front end.
 *
 * <p><b>Submission.</b> {@link #submit} may be called from any thread and never blocks: it appends
 * the operation to a lock-free queue, then whichever thread takes the (non-blocking) drainer role
 * prepares pooled requests for as many queued operations as there are free requests and submits
 * them in one batch. So submissions from many threads are batched. When the context is full the
 * operations wait in the queue and go out as completions free requests: never dropped, never an
 * exception for back-pressure.
 *
 * <p><b>Completion.</b> One platform daemon thread, {@code aio4j-completions-N}, waits in
 * {@link IoContext#getEvents} and calls {@link Operation#complete} for each event, then submits
 * what completions queued (so a callback that submits again is batched too). Callbacks run on that
 * thread and must not block for long; if one waits for another operation of this dispatcher
 * it must do so through {@link #helpUntil}, which keeps reaping meanwhile.
 *
 * <p><b>Close.</b> {@link #close()} aborts what is still queued, closes the context (which
 * completes every request in flight, with -ECANCELED if it was cut off) and waits for the
 * completion thread to deliver those completions and stop.
 */
public final class IoDispatcher implements AutoCloseable {
    private static final AtomicInteger THREAD_IDS = new AtomicInteger();
    private static final int BATCH = 64;
    private static final long HELP_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    private static final VarHandle DRAINING;
    private static final VarHandle CLOSING;

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            DRAINING = l.findVarHandle(IoDispatcher.class, "draining", boolean.class);
            CLOSING = l.findVarHandle(IoDispatcher.class, "closing", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final IoContext context;
    private final String engineName;
    private final IoRequest[] requests;
    private final Operation[] inFlight;
    private final FreeSlots free;
    private final OperationQueue queue = new OperationQueue();
    private final IoRequest[] batch = new IoRequest[BATCH];
    private final Operation[] batchOps = new Operation[BATCH];
    private final IoEvent[] events = IoEvent.array(BATCH);
    private final Operation[] eventOps = new Operation[BATCH];
    private final Thread completions;
    /** Drainer-owned: operations prepared and refused by a full context, oldest first. */
    private Operation retryHead;
    private Operation retryTail;
    /** Completion-thread-owned: true while it runs callbacks (it submits their work afterwards). */
    private boolean dispatching;
    @SuppressWarnings("unused")
    private volatile boolean draining;
    @SuppressWarnings("unused")
    private volatile boolean closing;
    private volatile boolean closed;

    /**
     * Takes ownership of {@code context} (closed by {@link #close()}) and starts its completion
     * thread.
     */
    public IoDispatcher(IoContext context) {
        this.context = Objects.requireNonNull(context, "context");
        this.engineName = context.engineInfo().engine().name();
        int n = context.capacity();
        this.requests = new IoRequest[n];
        for (int i = 0; i < n; i++) {
            requests[i] = new IoRequest();
        }
        this.inFlight = new Operation[n];
        this.free = new FreeSlots(n);
        this.completions = Thread.ofPlatform().daemon().name("aio4j-completions-" + THREAD_IDS.incrementAndGet())
                .unstarted(this::completionLoop);
        completions.start();
    }

    /**
     * A dispatcher over a new context of {@code entries} requests in flight.
     *
     * @throws IOException as {@link IoContext#open(int, ContextOptions)} throws it
     */
    public static IoDispatcher open(int entries, ContextOptions options) throws IOException {
        return new IoDispatcher(IoContext.open(entries, options));
    }

    /** The context this dispatcher runs. Submit through {@link #submit}, never to it directly. */
    public IoContext context() {
        return context;
    }

    /** Opens a file on this dispatcher's context; see {@link IoContext#openFile}. */
    public IoFile openFile(Path path, FileOption... options) throws IOException {
        return context.openFile(path, options);
    }

    /** Whether the calling thread is this dispatcher's completion thread. */
    public boolean isCompletionThread() {
        return Thread.currentThread() == completions;
    }

    /** Whether {@link #close()} has not been called. */
    public boolean isOpen() {
        return !closed;
    }

    /**
     * Starts {@code op}; any thread, never blocks. The op is prepared, submitted and completed as
     * the class description says; after close it is aborted with a {@link ContextClosedException}.
     */
    public void submit(Operation op) {
        Objects.requireNonNull(op, "op");
        if (OperationEvents.enabled()) {
            IoOperationEvent e = new IoOperationEvent();
            e.begin();
            op.event = e;
        }
        queue.offer(op);
        if (dispatching && isCompletionThread()) {
            return; // the completion thread submits after its callbacks, in one batch
        }
        drain();
    }

    /**
     * On the completion thread, reaps and dispatches completions until {@code done} holds, so
     * that a callback may wait for another operation of this dispatcher without deadlock. Front
     * ends' blocking waits call it when {@link #isCompletionThread()}; returns early if the
     * context closes with nothing left to reap.
     *
     * @throws IllegalStateException if called on another thread
     */
    public void helpUntil(BooleanSupplier done) throws InterruptedException {
        if (!isCompletionThread()) {
            throw new IllegalStateException("helpUntil is for the completion thread " + completions.getName());
        }
        IoEvent[] nested = IoEvent.array(BATCH);
        Operation[] nestedOps = new Operation[BATCH];
        try {
            while (!done.getAsBoolean()) {
                int n = context.getEvents(1, nested, 0, nested.length, HELP_WAIT_NANOS);
                dispatch(nested, nestedOps, n);
                drain();
            }
        } catch (ContextClosedException e) {
            // nothing is left in flight: done holds now or its op was aborted
        } finally {
            dispatching = true; // we were called from a callback, inside dispatch()
        }
    }

    private void completionLoop() {
        while (true) {
            int n;
            try {
                n = context.getEvents(1, events, 0, events.length, -1);
            } catch (ContextClosedException e) {
                break;
            } catch (InterruptedException e) {
                continue; // nobody should interrupt this thread; close() ends it through the context
            }
            dispatch(events, eventOps, n);
            drain();
        }
        drain(); // closed: aborts whatever is still queued
    }

    /**
     * Frees the slots of {@code n} events with one volatile publication, then runs their
     * callbacks. {@code ops} is the caller's scratch (dispatch nests under {@link #helpUntil}).
     */
    private void dispatch(IoEvent[] evs, Operation[] ops, int n) {
        dispatching = true;
        try {
            for (int i = 0; i < n; i++) {
                int slot = (int) evs[i].userData();
                Operation op = inFlight[slot];
                inFlight[slot] = null;
                if (op.event != null) {
                    op.event.op = requests[slot].op().name(); // before the slot can be reused
                }
                op.slot = -1;
                ops[i] = op;
                free.stage(slot);
            }
            free.publish();
            for (int i = 0; i < n; i++) {
                Operation op = ops[i];
                ops[i] = null;
                long result = evs[i].result();
                IoOperationEvent jfr = op.event;
                if (jfr != null) {
                    op.event = null;
                    jfr.finish(engineName, result);
                }
                try {
                    op.complete(result);
                } catch (Throwable t) {
                    uncaught(t);
                }
            }
        } finally {
            dispatching = false;
        }
    }

    /** Submits queued operations while this thread can take the drainer role and there is work. */
    private void drain() {
        while (DRAINING.compareAndSet(this, false, true)) {
            long freedBefore = free.pushed();
            try {
                if (closed) {
                    abortQueued();
                } else {
                    submitQueued();
                }
            } finally {
                draining = false;
            }
            // Dekker with producers: they publish (queue tail, freed slot, closed) with a volatile
            // write and then try the role; we dropped the role and now read what they publish
            boolean again = closed ? retryHead != null || !queue.isEmpty()
                    : (!queue.isEmpty() && !free.isEmpty()) || (retryHead != null && free.pushed() != freedBefore);
            if (!again) {
                return;
            }
        }
    }

    private void submitQueued() {
        while (true) {
            int n = 0;
            while (n < BATCH && retryHead != null) {
                Operation op = retryHead;
                retryHead = op.retryNext;
                op.retryNext = null;
                batchOps[n] = op;
                batch[n++] = requests[op.slot];
            }
            if (retryHead == null) {
                retryTail = null;
            }
            while (n < BATCH) {
                int slot = free.peek();
                if (slot < 0) {
                    break;
                }
                Operation op = queue.poll();
                if (op == null) {
                    break;
                }
                IoRequest r = requests[slot];
                boolean go;
                try {
                    go = op.prepare(r);
                } catch (RuntimeException e) {
                    op.event = null;
                    abort(op, e);
                    continue;
                }
                if (!go) {
                    op.event = null;
                    continue;
                }
                r.userData(slot);
                free.take();
                op.slot = slot;
                inFlight[slot] = op;
                batchOps[n] = op;
                batch[n++] = r;
            }
            if (n == 0) {
                return;
            }
            int accepted;
            try {
                accepted = context.submit(batch, 0, n);
            } catch (ContextClosedException e) {
                accepted = 0;
            }
            for (int i = accepted; i < n; i++) {
                Operation op = batchOps[i];
                if (closed || !context.isOpen()) {
                    inFlight[op.slot] = null;
                    abort(op, new ContextClosedException("context " + context.id() + " is closed (submit)"));
                } else {
                    retry(op);
                }
            }
            java.util.Arrays.fill(batch, 0, n, null);
            java.util.Arrays.fill(batchOps, 0, n, null);
            if (accepted < n) {
                return; // full: completions will call drain() again
            }
        }
    }

    private void retry(Operation op) {
        if (retryTail == null) {
            retryHead = op;
        } else {
            retryTail.retryNext = op;
        }
        retryTail = op;
    }

    private void abortQueued() {
        ContextClosedException cause = new ContextClosedException("context " + context.id() + " is closed (dispatcher)");
        while (retryHead != null) {
            Operation op = retryHead;
            retryHead = op.retryNext;
            op.retryNext = null;
            inFlight[op.slot] = null;
            abort(op, cause);
        }
        retryTail = null;
        Operation op;
        while ((op = queue.poll()) != null) {
            abort(op, cause);
        }
    }

    private static void abort(Operation op, Throwable cause) {
        op.event = null;
        try {
            op.abort(cause);
        } catch (Throwable t) {
            uncaught(t);
        }
    }

    private static void uncaught(Throwable t) {
        Thread me = Thread.currentThread();
        me.getUncaughtExceptionHandler().uncaughtException(me, t);
    }

    /**
     * Aborts what is queued, closes the context (completing every request in flight) and waits
     * for the completion thread to deliver the last completions, unless called on it. Idempotent.
     */
    @Override
    public void close() {
        if (CLOSING.compareAndSet(this, false, true)) {
            closed = true;
            drain();
            context.close();
        }
        if (!isCompletionThread()) {
            boolean interrupted = false;
            while (completions.isAlive()) {
                try {
                    completions.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public String toString() {
        return "IoDispatcher[" + context + ", thread=" + completions.getName() + (closed ? ", closed" : "") + "]";
    }
}
