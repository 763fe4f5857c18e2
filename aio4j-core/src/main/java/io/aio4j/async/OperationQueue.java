package io.aio4j.async;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * An intrusive multi-producer single-consumer queue of operations (Vyukov's): {@link #offer}
 * is one atomic exchange plus a store, from any thread, and allocates nothing. {@link #poll} is
 * for one consumer at a time (the dispatcher's drainer, whose role passes between threads through
 * a volatile flag, so its plain fields are handed over with it).
 *
 * <p>The last polled operation stays as the stub head until the next poll; an operation is never
 * offered twice, so that is harmless.
 */
final class OperationQueue {
    private static final VarHandle TAIL;
    private static final VarHandle NEXT;

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            TAIL = l.findVarHandle(OperationQueue.class, "tail", Operation.class);
            NEXT = l.findVarHandle(Operation.class, "next", Operation.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Consumer-owned. */
    private Operation head;
    @SuppressWarnings("unused")
    private volatile Operation tail;

    OperationQueue() {
        Operation stub = new Stub();
        head = stub;
        tail = stub;
    }

    /** Appends {@code op}; any thread. */
    void offer(Operation op) {
        NEXT.set(op, (Operation) null);
        Operation prev = (Operation) TAIL.getAndSet(this, op);
        // release: the consumer that sees the link must see op's fields
        NEXT.setRelease(prev, op);
    }

    /** Whether something was offered and not yet polled (volatile read of the tail). */
    boolean isEmpty() {
        return (Operation) TAIL.getVolatile(this) == head;
    }

    /** The oldest operation, or null if none; one consumer at a time. */
    Operation poll() {
        Operation h = head;
        // acquire: pairs with offer's setRelease of the link
        Operation n = (Operation) NEXT.getAcquire(h);
        if (n == null) {
            if ((Operation) TAIL.getVolatile(this) == h) {
                return null;
            }
            // a producer swapped the tail and has not linked yet: it is one store away
            while ((n = (Operation) NEXT.getAcquire(h)) == null) {
                Thread.onSpinWait();
            }
        }
        head = n;
        return n;
    }

    private static final class Stub extends Operation {
        @Override
        protected boolean prepare(io.aio4j.IoRequest request) {
            throw new AssertionError("stub");
        }

        @Override
        protected void complete(long result) {
            throw new AssertionError("stub");
        }

        @Override
        protected void abort(Throwable cause) {
            throw new AssertionError("stub");
        }
    }
}
