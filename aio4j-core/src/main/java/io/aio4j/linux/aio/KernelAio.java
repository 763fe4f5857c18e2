package io.aio4j.linux.aio;

import io.aio4j.IoErrors;
import io.aio4j.linux.abi.AioIoEvent;
import io.aio4j.linux.abi.AioRing;
import io.aio4j.linux.abi.AioSyscalls;
import io.aio4j.linux.abi.Errnos;
import io.aio4j.linux.abi.KernelTimespec;
import io.aio4j.spi.CompletionSink;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * One kernel AIO context (io_setup .. io_destroy): batched io_submit, and completions read from
 * the user-space ring ({@link AioRingReader}) when its header checks out, else with
 * io_getevents. Counts the requests the kernel holds, so close can wait for exactly those.
 *
 * <p>Threading: {@link #submit} on the submitter's thread, {@link #fetch} on the reaper's; they
 * may run at the same time (the kernel's side is thread-safe; the ring has one consumer).
 */
final class KernelAio {
    private static final VarHandle SUBMITTED;
    private static final VarHandle REAPED;

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            SUBMITTED = l.findVarHandle(KernelAio.class, "submitted", long.class);
            REAPED = l.findVarHandle(KernelAio.class, "reaped", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final long ctx;
    /** The event count asked of io_setup (the pool's key). */
    private final int nr;
    private final int ringNr;
    private final MemorySegment events;
    private final int eventCapacity;
    private final MemorySegment noWait;
    private AioRingReader reader;
    private final String ringStatus;
    private boolean destroyed;
    /** Requests the kernel accepted (submitter) and whose events were taken (reaper). */
    @SuppressWarnings("unused")
    private volatile long submitted;
    @SuppressWarnings("unused")
    private volatile long reaped;

    /**
     * io_setup({@code nr}) and a check of the ring header.
     *
     * @param forceGetevents ignore the ring and use io_getevents (tests compare the two)
     * @throws IOException naming io_setup and the errno (EAGAIN: fs.aio-max-nr is exhausted)
     */
    KernelAio(Arena arena, int nr, boolean forceGetevents) throws IOException {
        this.nr = nr;
        eventCapacity = Math.max(nr, 1);
        // one allocation: io_setup's result, the zero timeout, then the event array
        long eventsAt = 8 + KernelTimespec.LAYOUT.byteSize();
        MemorySegment block = arena.allocate(eventsAt + AioIoEvent.SIZE * eventCapacity, 8);
        noWait = block.asSlice(8, KernelTimespec.LAYOUT.byteSize());
        events = block.asSlice(eventsAt, AioIoEvent.SIZE * eventCapacity);
        long idle = KernelContextPool.take(nr);
        ctx = idle != 0 ? idle : setUp(block.asSlice(0, 8), nr);
        MemorySegment header = AioRing.header(ctx);
        String bad = AioRingReader.check(header);
        ringNr = bad == null ? AioRing.nr(header) : nr;
        if (bad == null && !forceGetevents) {
            reader = AioRingReader.over(AioRing.ring(ctx, ringNr));
            ringStatus = "user-space ring (nr=" + ringNr + ")";
        } else {
            ringStatus = "io_getevents (" + (bad != null ? bad : "forced") + ")";
        }
    }

    /** io_setup; when fs.aio-max-nr is exhausted, the idle contexts kept for reuse are destroyed and it is tried once more. */
    private static long setUp(MemorySegment ctxp, int nr) throws IOException {
        int r = AioSyscalls.ioSetup(nr, ctxp);
        if (r == -Errnos.EAGAIN && KernelContextPool.drain() > 0) {
            r = AioSyscalls.ioSetup(nr, ctxp);
        }
        if (r < 0) {
            throw IoErrors.forResult(r, "io_setup", -1, -1, nr);
        }
        return ctxp.get(ValueLayout.JAVA_LONG, 0);
    }

    /** The aio_context_t. */
    long ctx() {
        return ctx;
    }

    /** How completions are read: "user-space ring (nr=..)" or "io_getevents (reason)". */
    String ringStatus() {
        return ringStatus;
    }

    /** Whether completions are read from the mapped ring. */
    boolean userSpaceRing() {
        return reader != null;
    }

    /**
     * Requests held by the kernel: accepted and not yet reaped. While an io_submit runs, the ones
     * it is submitting count too (the count may be high for a moment, never low).
     */
    long inFlight() {
        return (long) SUBMITTED.getVolatile(this) - (long) REAPED.getVolatile(this);
    }

    /**
     * io_submit of {@code nr} iocbs from entry {@code first} of the pointer array.
     *
     * @return how many the kernel accepted, or -errno for the iocb at {@code first} (-EAGAIN: no room)
     */
    int submit(MemorySegment pointers, int first, int nr) {
        // counted before the call: the kernel may post an event (and signal the eventfd) before
        // io_submit returns, and a reaper that saw nothing in flight would not look for it.
        // Submitter only: plain reads of our own counter, published for the reaper and close.
        SUBMITTED.setVolatile(this, submitted + nr);
        int r = AioSyscalls.ioSubmit(ctx, nr, pointers.address() + first * 8L);
        int accepted = Math.max(r, 0);
        if (accepted < nr) {
            SUBMITTED.setVolatile(this, submitted - (nr - accepted));
        }
        return r == 0 ? -Errnos.EAGAIN : r;
    }

    /** Delivers up to {@code max} kernel completions to {@code sink} without waiting; the reaper only. */
    int fetch(CompletionSink sink, int max) {
        if (max <= 0 || inFlight() == 0) {
            return 0;
        }
        int want = Math.min(max, eventCapacity);
        int n = reader != null ? reader.copyOut(events, want) : -1;
        if (n < 0) {
            if (reader != null) {
                reader = null; // the ring's indexes went out of range: stop trusting it
            }
            KernelTimespec.setNanos(noWait, 0);
            n = Math.max(0, AioSyscalls.ioGetevents(ctx, 0, want, events, noWait));
        }
        return deliver(sink, n);
    }

    /**
     * Waits up to {@code timeoutNanos} in io_getevents for at least one event and delivers what
     * it got; for close when the ring is not used (with the ring, close waits on the eventfd).
     */
    int fetchWaiting(CompletionSink sink, int max, long timeoutNanos) {
        KernelTimespec.setNanos(noWait, timeoutNanos);
        return deliver(sink, Math.max(0, AioSyscalls.ioGetevents(ctx, 1, Math.min(max, eventCapacity), events, noWait)));
    }

    private int deliver(CompletionSink sink, int n) {
        if (n > 0) {
            // reaper only: a plain read of our own counter, published for inFlight()
            REAPED.setVolatile(this, reaped + n);
            for (int i = 0; i < n; i++) {
                sink.complete(AioIoEvent.data(events, i), AioIoEvent.res(events, i), AioIoEvent.res2(events, i));
            }
        }
        return n;
    }

    /**
     * io_destroy, once, after every request was reaped; or, when the context is idle and its
     * ring checks out empty, hands it to the {@link KernelContextPool} for the next open.
     */
    void destroy() {
        if (!destroyed) {
            destroyed = true;
            boolean idle = inFlight() == 0 && reader != null && reader.isEmpty();
            reader = null;
            if (!idle || !KernelContextPool.offer(nr, ctx)) {
                AioSyscalls.ioDestroy(ctx);
            }
        }
    }
}
