package io.aio4j.async;

import io.aio4j.IoErrors;
import io.aio4j.IoRequest;
import java.io.IOException;
import java.nio.channels.AsynchronousCloseException;
import io.aio4j.jfr.IoOperationEvent;

/**
 * One operation handed to an {@link IoDispatcher}: how to prepare a request, and what to do with
 * its result. Front ends subclass it (a future, a completion-handler call, a parked thread).
 *
 * <p>Lifecycle, each step called exactly once and in this order: {@link #prepare} on whichever
 * thread is draining the dispatcher's queue, then either {@link #complete} on the completion
 * thread (or a thread helping it) with the request's result, or {@link #abort} if the operation
 * never reached the engine (the dispatcher closed, or {@link #prepare} threw). An operation object
 * is submitted once; it is not reusable.
 */
public abstract class Operation {
    /** Next in the dispatcher's submission queue; see {@link OperationQueue}. */
    volatile Operation next;
    /** Next in the drainer's retry list (refused by a full context). */
    Operation retryNext;
    /** The slot of the pooled request while in flight, else -1. */
    int slot = -1;
    /** The JFR event while a recording wants one, else null. */
    IoOperationEvent event;

    /** For subclasses. */
    protected Operation() {
    }

    /**
     * Prepares {@code request} (one of its {@code prep*} methods). Returning false means the
     * operation finished without I/O (it has completed itself, e.g. its channel was closed) and
     * is not submitted. A thrown exception is passed to {@link #abort}.
     */
    protected abstract boolean prepare(IoRequest request);

    /** The request finished: {@code result} is bytes transferred, 0, or {@code -errno}. */
    protected abstract void complete(long result);

    /** The operation never reached the engine, because of {@code cause}. */
    protected abstract void abort(Throwable cause);

    /**
     * The exception a failed result becomes, as the JDK's channels report it: while the owner
     * (file, channel) is open, the IOException naming the call and errno ({@link IoErrors});
     * once it is closed, {@link AsynchronousCloseException}, the operation having been cut off.
     */
    protected static IOException failure(boolean ownerOpen, long result, String call, int fd, long offset, long length) {
        return ownerOpen ? IoErrors.forResult(result, call, fd, offset, length) : new AsynchronousCloseException();
    }

    /** The exception an {@link #abort} cause becomes, with the same rule as {@link #failure(boolean, long, String, int, long, long)}. */
    protected static IOException failure(boolean ownerOpen, Throwable cause) {
        if (!ownerOpen) {
            return new AsynchronousCloseException();
        }
        return cause instanceof IOException io ? io : new IOException(cause);
    }
}
