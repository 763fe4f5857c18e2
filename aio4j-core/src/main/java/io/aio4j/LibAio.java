package io.aio4j;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * A libaio-shaped facade on {@code long} handles (the ids of {@link ContextTable}), for code
 * ported from C. Results are {@code >= 0} or {@code -errno}, as libaio returns them; nothing
 * here throws for a bad handle. Thread-safe, as {@link IoContext} is; the buffer-ownership rules
 * of {@link IoContext#submit(IoRequest[], int, int)} apply.
 */
public final class LibAio {
    private LibAio() {
    }

    /**
     * io_setup with the default options (AUTO engine).
     *
     * @param nrEvents the most requests in flight, 1..32768
     * @return a handle ({@code > 0}), or -EINVAL for {@code nrEvents} out of range, or the kernel's
     *     -errno (-EAGAIN when fs.aio-max-nr is used up, and for any other failure to open)
     */
    public static long ioSetup(int nrEvents) {
        return ioSetup(nrEvents, ContextOptions.defaults());
    }

    /**
     * io_setup with options.
     *
     * @param nrEvents the most requests in flight, 1..32768
     * @param options the engine and flags
     * @return a handle ({@code > 0}), or {@code -errno} as {@link #ioSetup(int)} says
     */
    public static long ioSetup(int nrEvents, ContextOptions options) {
        if (nrEvents <= 0 || nrEvents > ContextOptions.MAX_ENTRIES) {
            return -Errno.EINVAL;
        }
        try {
            return IoContext.open(nrEvents, options).id();
        } catch (ErrnoException e) {
            return -e.errno();
        } catch (IOException | RuntimeException e) {
            return -Errno.EAGAIN;
        }
    }

    /**
     * The context behind a handle.
     *
     * @param ctx a handle from {@link #ioSetup}
     * @return the context, or null if the handle is not a live context
     */
    public static IoContext context(long ctx) {
        return ctx <= 0 || ctx > Integer.MAX_VALUE ? null : ContextTable.lookup((int) ctx);
    }

    /**
     * io_submit: starts the first {@code nr} requests in order.
     *
     * @param ctx a handle
     * @param nr how many of {@code iocbs} to submit
     * @param iocbs prepared, idle requests
     * @return how many of the first {@code nr} were accepted; -EAGAIN if none could be (full),
     *     -EINVAL for a bad handle or {@code nr} or a busy request, -EFAULT for a null request
     */
    public static int ioSubmit(long ctx, int nr, IoRequest[] iocbs) {
        IoContext c = context(ctx);
        if (c == null || iocbs == null || nr < 0 || nr > iocbs.length) {
            return -Errno.EINVAL;
        }
        if (nr == 0) {
            return 0;
        }
        try {
            int n = c.submit(iocbs, 0, nr);
            return n == 0 ? -Errno.EAGAIN : n;
        } catch (NullPointerException e) {
            return -Errno.EFAULT;
        } catch (ContextClosedException e) {
            return -Errno.EINVAL;
        } catch (IllegalStateException | IllegalArgumentException e) {
            return -Errno.EINVAL;
        }
    }

    /**
     * io_getevents: between {@code minNr} and {@code nr} events, waiting up to
     * {@code timeoutNanos} ({@code < 0}: forever).
     *
     * @param ctx a handle
     * @param minNr how many events to wait for
     * @param nr the most events to fill, from index 0
     * @param events where to put them
     * @param timeoutNanos how long to wait at most; {@code < 0} forever, 0 not at all
     * @return the number of events, or -EINVAL for a bad handle or counts (or a closed context
     *     with nothing left), -EINTR if interrupted with nothing reaped, -EFAULT for a null event
     */
    public static int ioGetevents(long ctx, int minNr, int nr, IoEvent[] events, long timeoutNanos) {
        IoContext c = context(ctx);
        if (c == null || events == null || minNr < 0 || nr < minNr || nr > events.length) {
            return -Errno.EINVAL;
        }
        try {
            return c.getEvents(minNr, events, 0, nr, timeoutNanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -Errno.EINTR;
        } catch (ContextClosedException e) {
            return -Errno.EINVAL;
        } catch (NullPointerException e) {
            return -Errno.EFAULT;
        }
    }

    /**
     * io_getevents with a timeout in a unit.
     *
     * @param ctx a handle
     * @param minNr how many events to wait for
     * @param nr the most events to fill, from index 0
     * @param events where to put them
     * @param timeout how long to wait at most; negative forever
     * @param unit the unit of {@code timeout}
     * @return as {@link #ioGetevents(long, int, int, IoEvent[], long)}
     */
    public static int ioGetevents(long ctx, int minNr, int nr, IoEvent[] events, long timeout, TimeUnit unit) {
        return ioGetevents(ctx, minNr, nr, events, timeout < 0 ? -1 : unit.toNanos(timeout));
    }

    /**
     * io_cancel.
     *
     * @param ctx a handle
     * @param iocb a request in flight on that context
     * @return 0 if the request will complete with -ECANCELED (reap its event as usual), -EINVAL for
     *     a bad handle, -EAGAIN if it could not be cancelled
     */
    public static int ioCancel(long ctx, IoRequest iocb) {
        IoContext c = context(ctx);
        if (c == null || iocb == null) {
            return -Errno.EINVAL;
        }
        return c.cancel(iocb) ? 0 : -Errno.EAGAIN;
    }

    /**
     * io_destroy: closes the context, as {@link IoContext#close()} does.
     *
     * @param ctx a handle
     * @return 0, or -EINVAL for a bad or already destroyed handle
     */
    public static int ioDestroy(long ctx) {
        IoContext c = context(ctx);
        if (c == null) {
            return -Errno.EINVAL;
        }
        c.close();
        return 0;
    }
}
