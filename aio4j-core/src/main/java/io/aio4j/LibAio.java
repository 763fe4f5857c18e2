package io.aio4j;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * A libaio-shaped facade on {@code long} handles (the ids of {@link ContextTable}), for code
 * ported from C. Results are {@code >= 0} or {@code -errno}, as libaio returns them; nothing
 * here throws for a bad handle.
 */
public final class LibAio {
    private LibAio() {
    }

    /** io_setup: a handle (> 0), or -EINVAL for {@code nrEvents} outside 1..32768, or -EAGAIN / -errno. */
    public static long ioSetup(int nrEvents) {
        return ioSetup(nrEvents, ContextOptions.defaults());
    }

    /** io_setup with options. */
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

    /** The context behind a handle, or null. */
    public static IoContext context(long ctx) {
        return ctx <= 0 || ctx > Integer.MAX_VALUE ? null : ContextTable.lookup((int) ctx);
    }

    /**
     * io_submit: how many of the first {@code nr} were accepted; -EAGAIN if none could be
     * (full), -EINVAL for a bad handle or {@code nr}, -EBADF/-EFAULT for a null or busy request.
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
     * {@code timeoutNanos} ({@code < 0}: forever). -EINVAL for a bad handle or counts, -EINTR if
     * interrupted with nothing reaped.
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

    /** io_getevents with a timeout in a unit. */
    public static int ioGetevents(long ctx, int minNr, int nr, IoEvent[] events, long timeout, TimeUnit unit) {
        return ioGetevents(ctx, minNr, nr, events, timeout < 0 ? -1 : unit.toNanos(timeout));
    }

    /**
     * io_cancel: 0 if the request will complete with -ECANCELED (reap its event as usual),
     * -EINVAL for a bad handle, -EAGAIN if it could not be cancelled.
     */
    public static int ioCancel(long ctx, IoRequest iocb) {
        IoContext c = context(ctx);
        if (c == null || iocb == null) {
            return -Errno.EINVAL;
        }
        return c.cancel(iocb) ? 0 : -Errno.EAGAIN;
    }

    /** io_destroy: 0, or -EINVAL for a bad or already destroyed handle. */
    public static int ioDestroy(long ctx) {
        IoContext c = context(ctx);
        if (c == null) {
            return -Errno.EINVAL;
        }
        c.close();
        return 0;
    }
}
