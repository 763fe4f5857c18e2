package io.aio4j;

import io.aio4j.spi.Availability;
import io.aio4j.spi.EngineContext;
import io.aio4j.spi.EngineFile;
import io.aio4j.spi.Tags;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An asynchronous I/O context: io_setup / io_submit / io_getevents / io_cancel / io_destroy,
 * over whichever engine {@link #engineInfo()} names.
 *
 * <p><b>Threading.</b> Every method is thread-safe. Submissions from several threads are
 * serialised among themselves, and so are reaps; a submit never waits for a reap. One thread
 * may wait in {@link #getEvents} while others submit.
 *
 * <p><b>Capacity.</b> At most {@link #capacity()} requests are in flight (submitted and not yet
 * reaped). {@link #submit} accepts fewer when it is full, zero included: that is back-pressure,
 * not an error. So no completion can ever be lost.
 *
 * <p><b>Buffers.</b> From submit until its event is reaped, a request's buffers belong to the
 * context, which keeps them reachable. Engines are only given memory that cannot be freed
 * meanwhile: global, automatic and direct-ByteBuffer memory as it is (zero copy); heap memory and
 * memory of closeable arenas ({@code Arena.ofShared()}, {@code Arena.ofConfined()}) through a
 * context-owned copy, unless {@link ContextOptions#callerKeepsArenasOpen()}. Closing an arena
 * while a request on its memory is in flight therefore never crashes the JVM: a read then
 * completes with {@code -EFAULT} (see docs/buffer-lifetimes.md).
 *
 * <p><b>Close.</b> {@link #close()} stops new submissions, waits for (or cancels) every request
 * in flight, wakes every waiter, and releases every resource. It never hangs and is idempotent.
 * Completions that arrive during close can still be reaped afterwards; once none is left,
 * {@link #getEvents} throws {@link ContextClosedException}.
 *
 * <p><b>Errors.</b> Misuse throws at once and changes nothing. What the kernel would report for a
 * request (EBADF, EINVAL, EFAULT, ENOSPC...) arrives as {@code -errno} in its {@link IoEvent};
 * {@link IoErrors} turns it into an exception if you want one. A read that returns fewer bytes
 * than asked (at end of file) is a result, not an error. The user guide, docs/guide.md, explains
 * each engine and each system limit behind an exception message.
 */
public final class IoContext implements AutoCloseable {
    /** How long one engine wait may last before the core checks interruption and close again. */
    private static final long WAIT_SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final int id;
    private final int capacity;
    private final ContextOptions options;
    private final EngineInfo info;
    private final EngineContext engine;
    private final SlotTable slots;
    private final CompletionBacklog backlog;
    private final ReentrantLock submitLock = new ReentrantLock();
    private final ReentrantLock reapLock = new ReentrantLock();
    private final Set<IoFile> files = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final CountDownLatch closeDone = new CountDownLatch(1);
    private final EventFiller filler;
    private final BounceBuffers bounce;
    private volatile boolean closed;
    private MemorySegment[] registered;
    /** The array behind {@link #submit(IoRequest)}; used under the submit lock only. */
    private final IoRequest[] one = new IoRequest[1];
    private IoRing ring;

    private IoContext(int capacity, ContextOptions options, Engines.Opened opened) {
        this.capacity = capacity;
        this.options = options;
        this.engine = opened.context();
        this.info = opened.info();
        this.slots = new SlotTable(capacity);
        this.backlog = new CompletionBacklog(capacity);
        this.bounce = new BounceBuffers(capacity, options.callerKeepsArenasOpen());
        this.filler = new EventFiller(slots, bounce);
        this.id = ContextTable.reserve();
    }

    /**
     * io_setup with the default options: the AUTO engine, no flags.
     *
     * @param entries the most requests in flight at once, 1..{@value ContextOptions#MAX_ENTRIES}
     * @return a new open context; the caller closes it
     * @throws IllegalArgumentException if {@code entries} is outside 1..32768
     * @throws EngineUnavailableException if no engine can be opened here, with each engine's reason
     * @throws IOException if the kernel refused
     * @see #open(int, ContextOptions)
     */
    public static IoContext open(int entries) throws IOException {
        return open(entries, ContextOptions.defaults());
    }

    /**
     * io_setup: a context that holds up to {@code entries} requests in flight. Request slots and
     * queues are allocated here, once, so a steady-state loop allocates nothing. With {@link Engine#AUTO} the first engine
     * that opens wins (io_uring, Linux AIO, portable), and {@link #engineInfo()} says why; an
     * explicit engine never falls back.
     *
     * @param entries the most requests in flight at once, 1..{@value ContextOptions#MAX_ENTRIES}
     * @param options the engine, setup flags and sizes
     * @return a new open context; the caller closes it
     * @throws IllegalArgumentException if {@code entries} is outside 1..32768 or the options do not fit it
     * @throws EngineUnavailableException if the engine asked for cannot be used here, with the reason
     * @throws IOException if the kernel refused (e.g. io_setup: EAGAIN when fs.aio-max-nr is used up)
     */
    public static IoContext open(int entries, ContextOptions options) throws IOException {
        Objects.requireNonNull(options, "options");
        options.validate(entries);
        IoContext ctx = new IoContext(entries, options, Engines.open(entries, options));
        ContextTable.publish(ctx.id, ctx);
        return ctx;
    }

    /**
     * Whether {@code engine} can be used here, and if not why. Each engine is probed once per
     * process; later calls return the cached answer.
     *
     * @param engine the engine to ask about; AUTO answers for the engine AUTO would pick first
     * @return whether it is available, with the reason or a description
     */
    public static Availability availability(Engine engine) {
        return Engines.availability(Objects.requireNonNull(engine, "engine"));
    }

    /**
     * Lets go of what the engines keep for reuse after contexts close, in the background; for a
     * program that is done opening contexts, for example before it exits. Linux AIO keeps up to
     * 16 idle kernel contexts, and the kernel destroys each one only after two RCU grace periods
     * (about 30 ms): done here on background threads, all at once, they are gone while the
     * program does other work, instead of holding up its exit (40-50 ms with 16 of them).
     * Contexts opened later work as usual. Never blocks; safe from any thread.
     */
    public static void releaseIdleResources() {
        Engines.releaseIdle();
    }

    /** {@return the small integer id of this context in the process-wide {@link ContextTable}} */
    public int id() {
        return id;
    }

    /** {@return the most requests in flight at once (the entry count asked for)} */
    public int capacity() {
        return capacity;
    }

    /** {@return the options asked for} */
    public ContextOptions options() {
        return options;
    }

    /** {@return the engine in use, why it was chosen, and what it could not honour} */
    public EngineInfo engineInfo() {
        return info;
    }

    /** {@return requests submitted and not yet reaped} */
    public int inFlight() {
        return slots.inUse();
    }

    /** {@return whether {@link #close()} has not been called} */
    public boolean isOpen() {
        return !closed;
    }

    /** {@return an eventfd signalled on completions (native engines), for callers with their own event loop; -1 if none} */
    public int eventFd() {
        return engine.eventFd();
    }

    /**
     * Opens a file owned by this context. With neither READ nor WRITE it opens read-only; CREATE
     * or CREATE_NEW without WRITE opens for reading and writing. The context closes the file when it closes, if the
     * caller has not. With {@link FileOption#DIRECT}, requests must respect
     * {@link IoFile#alignment()}.
     *
     * @param path the file
     * @param fileOptions how to open it
     * @return the open file
     *
     * @throws IOException as the JDK throws it: NoSuchFileException, AccessDeniedException,
     *     FileAlreadyExistsException (CREATE_NEW), or a FileSystemException naming the errno
     *     (e.g. EINVAL for O_DIRECT on tmpfs)
     * @throws IllegalArgumentException for TRUNCATE_EXISTING without WRITE
     * @throws ContextClosedException if this context is closed
     */
    public IoFile openFile(Path path, FileOption... fileOptions) throws IOException {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(fileOptions, "options");
        EnumSet<FileOption> set = EnumSet.noneOf(FileOption.class);
        for (FileOption o : fileOptions) {
            set.add(Objects.requireNonNull(o, "options contains null"));
        }
        if (set.contains(FileOption.TRUNCATE_EXISTING) && !set.contains(FileOption.WRITE)) {
            throw new IllegalArgumentException("options=" + set + ": TRUNCATE_EXISTING needs WRITE");
        }
        if ((set.contains(FileOption.CREATE) || set.contains(FileOption.CREATE_NEW)) && !set.contains(FileOption.WRITE)) {
            set.add(FileOption.WRITE);
            set.add(FileOption.READ);
        }
        ensureOpen("openFile");
        EngineFile handle = engine.openFile(path, set);
        IoFile f = new IoFile(this, path, set, handle);
        files.add(f);
        if (closed) { // raced with close(): do not leak the descriptor
            f.close();
            throw new ContextClosedException("context " + id + " is closed (openFile)");
        }
        return f;
    }

    void forget(IoFile f) {
        files.remove(f);
    }

    /**
     * Submits one request, as {@link #submit(IoRequest[], int, int)} does. Allocates nothing.
     *
     * @param request a prepared, idle request; it and its buffers belong to the context until its
     *     event is reaped
     * @return 1 if accepted, 0 if the context is full
     * @throws IllegalStateException if the request is already in flight
     * @throws IllegalArgumentException if the request's file belongs to another context
     * @throws ContextClosedException if this context is closed
     */
    public int submit(IoRequest request) {
        Objects.requireNonNull(request, "request");
        submitLock.lock();
        try {
            one[0] = request;
            return submit(one, 0, 1); // reentrant: the lock is already ours
        } finally {
            one[0] = null;
            submitLock.unlock();
        }
    }

    /**
     * Submits all of {@code requests}, as {@link #submit(IoRequest[], int, int)} does.
     *
     * @param requests prepared, idle requests, started in order
     * @return how many were accepted, a prefix of {@code requests}
     */
    public int submit(IoRequest... requests) {
        return submit(requests, 0, Objects.requireNonNull(requests, "requests").length);
    }

    /**
     * io_submit: starts {@code requests[offset .. offset+count)} in order. It never waits for
     * room: when the context is full it accepts fewer, zero included (back-pressure; reap, then
     * submit the rest). Whether the I/O itself runs on the calling thread depends on the engine:
     * not on io_uring, nor on Linux AIO for O_DIRECT files and cached buffered reads; yes on the
     * portable engine without SQ_THREAD or SQ_WORKQUEUE (see docs/guide.md, "what blocks where").
     *
     * <p>Each accepted request yields exactly one event. From here until that event is reaped the
     * request and its buffers belong to the context, which keeps them reachable: do not read or
     * write the buffers, and do not prepare or submit the request again. A request that fails
     * validation is accepted and completes with {@code -errno} in its event (EBADF for a read on
     * a write-only or closed file, EINVAL for a negative offset, EFAULT for a fixed buffer outside
     * its registration, or a buffer whose arena is already closed), as the kernel reports them;
     * if it carries {@link LinkFlags#LINK} or {@link LinkFlags#HARDLINK}, the rest of its chain
     * completes with -ECANCELED. Thread-safe; concurrent submits are serialised, and a submit
     * never waits for a reap.
     *
     * <p>Closing a buffer's arena before the event is reaped is safe: memory of a closeable arena
     * reaches the engine only as a context-owned copy (a write's data is copied here, on the
     * calling thread; a read's data is copied back when its event is reaped, on the reaping
     * thread). A read whose arena was closed meanwhile, or whose confined arena belongs to
     * another thread than the reaper (or, for a write, the submitter), completes with
     * {@code -EFAULT}. {@link ContextOptions#callerKeepsArenasOpen()} drops the copy on the
     * caller's promise. See docs/buffer-lifetimes.md.
     *
     * @param requests the requests
     * @param offset the index of the first request to submit
     * @param count how many to submit
     * @return how many were accepted: a prefix, fewer than {@code count} only when the context is full
     * @throws IndexOutOfBoundsException if the range is outside {@code requests}
     * @throws NullPointerException if a request is null
     * @throws IllegalStateException if a request is already in flight (or appears twice)
     * @throws IllegalArgumentException if a request's file belongs to another context
     * @throws ContextClosedException if this context is closed
     *     (nothing is accepted when any of these is thrown)
     */
    public int submit(IoRequest[] requests, int offset, int count) {
        Objects.requireNonNull(requests, "requests");
        Objects.checkFromIndexSize(offset, count, requests.length);
        submitLock.lock();
        try {
            ensureOpen("submit");
            claim(requests, offset, count);
            int n = Math.min(count, slots.available());
            int accepted = 0;
            int runStart = 0;
            boolean stopped = false;
            boolean chainFailed = false;
            for (int i = 0; i < n && !stopped; i++) {
                IoRequest r = requests[offset + i];
                int slot = slots.peekFree(i);
                r.tag = Tags.of(slot, slots.bind(slot, r));
                boolean linked = (r.linkFlags() & (LinkFlags.LINK | LinkFlags.HARDLINK)) != 0;
                // a request that fails validation fails the rest of its chain, as io_uring does
                int errno = chainFailed ? Errno.ECANCELED : prepare(r);
                chainFailed = errno != 0 && linked;
                if (errno != 0) {
                    int run = i - runStart;
                    int k = run == 0 ? 0 : engine.submit(requests, offset + runStart, run);
                    accepted += k;
                    if (k < run) {
                        stopped = true;
                        break;
                    }
                    backlog.push(r.tag, -errno, 0);
                    filler.settle(r, -errno); // it never reaches an engine: drop its file reference now
                    accepted++;
                    runStart = i + 1;
                }
            }
            if (!stopped && n > runStart) {
                accepted += engine.submit(requests, offset + runStart, n - runStart);
            }
            slots.commitTake(accepted);
            for (int i = accepted; i < count; i++) {
                unclaim(requests[offset + i]);
            }
            if (accepted > 0 && !backlog.isEmpty()) {
                engine.wakeup();
            }
            return accepted;
        } finally {
            submitLock.unlock();
        }
    }

    /** Checks the batch before anything is accepted, and marks its requests as ours. */
    private void claim(IoRequest[] requests, int offset, int count) {
        for (int i = 0; i < count; i++) {
            IoRequest r = requests[offset + i];
            String problem = null;
            if (r == null) {
                problem = "requests[" + (offset + i) + "] is null";
            } else if (r.owner != null) {
                problem = "requests[" + (offset + i) + "] is already in flight" + (r.owner == this ? "" : " on another context");
            } else if (r.file() != null && r.file().context() != this) {
                problem = "requests[" + (offset + i) + "] uses a file of context " + r.file().context().id() + ", not " + id;
            }
            if (problem != null) {
                // decide the type before unclaiming: a request that appears twice was claimed
                // at its first position, and unclaiming clears its owner again
                RuntimeException e = r == null ? new NullPointerException(problem)
                        : r.owner != null ? new IllegalStateException(problem) : new IllegalArgumentException(problem);
                for (int j = 0; j < i; j++) {
                    requests[offset + j].owner = null;
                }
                throw e;
            }
            r.owner = this;
        }
    }

    /** Returns a request that was not accepted to the caller, unchanged. */
    private void unclaim(IoRequest r) {
        if (r.tag != -1) { // bound to a slot in this call, then refused by the engine
            slots.unbind(Tags.slot(r.tag));
            filler.settle(r, -1);
        }
        r.tag = -1;
        r.owner = null;
    }

    /**
     * Checks what the kernel would check and takes what the request needs while in flight (a
     * reference on its file, native copies of heap buffers). Returns 0 or a positive errno.
     */
    private int prepare(IoRequest r) {
        Op op = r.op();
        if (op == Op.NOOP) {
            return 0;
        }
        IoFile f = r.file();
        if (!f.acquire()) {
            return Errno.EBADF;
        }
        r.fileRef = true;
        if ((op.isRead() && !f.readable()) || (op.isWrite() && !f.writable())) {
            return Errno.EBADF;
        }
        if (op == Op.FSYNC || op == Op.FDSYNC) {
            return 0;
        }
        long off = r.offset();
        if (off < 0 || off + r.length() < 0) {
            return Errno.EINVAL;
        }
        if (op == Op.FALLOCATE) {
            return r.length() <= 0 ? Errno.EINVAL : 0;
        }
        if (!buffersAlive(r)) {
            return Errno.EFAULT; // a closed arena's memory is freed: no engine may hand it to the kernel
        }
        if (op == Op.READ_FIXED || op == Op.WRITE_FIXED) {
            return checkFixed(r);
        }
        return bounce.prepare(r);
    }

    private static boolean buffersAlive(IoRequest r) {
        if (r.op() == Op.PREADV || r.op() == Op.PWRITEV) {
            for (int i = 0; i < r.segmentCount(); i++) {
                if (!r.callerSegment(i).scope().isAlive()) {
                    return false;
                }
            }
            return true;
        }
        return r.callerBuffer().scope().isAlive();
    }

    private int checkFixed(IoRequest r) {
        MemorySegment[] reg = registered;
        int i = r.bufIndex();
        if (reg == null || i < 0 || i >= reg.length) {
            return Errno.EFAULT;
        }
        MemorySegment b = reg[i];
        MemorySegment s = r.buffer();
        if (!s.isNative() || s.address() < b.address()
                || s.address() + r.length() > b.address() + b.byteSize()) {
            return Errno.EFAULT;
        }
        return 0;
    }

    /**
     * io_getevents with a timeout: waits until {@code min} events are ready or the timeout passes,
     * then returns up to {@code events.length}.
     *
     * @param min how many events to wait for, 0..events.length
     * @param events where to put them, from index 0; every element non-null
     * @param timeout how long to wait at most; negative waits without limit, 0 does not wait
     * @param unit the unit of {@code timeout}
     * @return the number of events filled, 0..events.length (fewer than {@code min} on timeout)
     * @throws InterruptedException if interrupted while waiting before any event was taken
     * @throws ContextClosedException if the context is closed and no event is left to reap
     * @see #getEvents(int, IoEvent[], int, int, long)
     */
    public int getEvents(int min, IoEvent[] events, long timeout, TimeUnit unit) throws InterruptedException {
        Objects.requireNonNull(unit, "unit");
        return getEvents(min, events, 0, Objects.requireNonNull(events, "events").length,
                timeout < 0 ? -1 : unit.toNanos(timeout));
    }

    /**
     * Reaps what is ready now, without waiting (io_getevents with min 0 and a zero timeout). If the
     * calling thread is interrupted it returns 0 and keeps the interrupt flag set.
     *
     * @param events where to put them, from index 0; every element non-null
     * @return the number of events filled, 0..events.length
     * @throws ContextClosedException if the context is closed and no event is left to reap
     */
    public int pollEvents(IoEvent[] events) {
        try {
            return getEvents(0, events, 0, Objects.requireNonNull(events, "events").length, 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /**
     * io_getevents: fills {@code events[offset ..]} with up to {@code max} completions, waiting
     * until at least {@code min} have arrived or {@code timeoutNanos} passed ({@code < 0}: no
     * limit; 0: do not wait). {@code min} 0 returns at once with what is ready.
     *
     * <p>Each returned event's request is idle again and its buffer the caller's. Interruption
     * ends the wait: if events were already taken they are returned (and the interrupt flag is
     * set again), else InterruptedException is thrown; no event is lost either way. A waiter
     * woken by {@link #close()} returns what it got, or throws {@link ContextClosedException}
     * when nothing is left to reap. Thread-safe; concurrent reapers are served one at a time.
     *
     * @param min how many events to wait for, 0..max
     * @param events where to put them
     * @param offset the index of the first event to fill
     * @param max the most events to fill
     * @param timeoutNanos how long to wait at most, in nanoseconds; {@code < 0} without limit, 0 not at all
     * @return the number of events filled, 0..max
     * @throws IllegalArgumentException if {@code min} is outside 0..max
     * @throws IndexOutOfBoundsException if the range is outside {@code events}
     * @throws NullPointerException if an event slot in range is null
     * @throws InterruptedException if interrupted while waiting before any event was taken
     * @throws ContextClosedException if the context is closed and no event is left to reap
     */
    public int getEvents(int min, IoEvent[] events, int offset, int max, long timeoutNanos) throws InterruptedException {
        Objects.requireNonNull(events, "events");
        Objects.checkFromIndexSize(offset, max, events.length);
        if (min < 0 || min > max) {
            throw new IllegalArgumentException("min=" + min + " is outside 0..max=" + max);
        }
        for (int i = offset; i < offset + max; i++) {
            if (events[i] == null) {
                throw new NullPointerException("events[" + i + "] is null");
            }
        }
        long deadline = timeoutNanos > 0 ? System.nanoTime() + timeoutNanos : 0;
        int n = 0;
        boolean sawClose = false;
        if (timeoutNanos < 0) {
            reapLock.lockInterruptibly();
        } else if (!reapLock.tryLock(Math.max(0, timeoutNanos), TimeUnit.NANOSECONDS)) {
            return 0;
        }
        try {
            while (n < max) {
                n += drain(events, offset + n, max - n);
                if (n == max) {
                    break;
                }
                if (closed) {
                    sawClose = true;
                    break;
                }
                long wait;
                if (n >= min) {
                    wait = 0;
                } else if (timeoutNanos < 0) {
                    wait = WAIT_SLICE_NANOS;
                } else if (timeoutNanos == 0) {
                    wait = 0;
                } else {
                    wait = Math.min(WAIT_SLICE_NANOS, deadline - System.nanoTime());
                    if (wait <= 0) {
                        wait = 0;
                    }
                }
                if (wait != 0 && Thread.interrupted()) {
                    if (n > 0) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                    throw new InterruptedException("getEvents interrupted (context " + id + ")");
                }
                filler.start(events, offset + n);
                engine.reap(filler, max - n, wait == 0 ? 0 : min - n, wait);
                n += filler.count();
                if (wait == 0 && (n >= min || timeoutNanos == 0 || deadline - System.nanoTime() <= 0)) {
                    n += drain(events, offset + n, max - n);
                    break;
                }
            }
        } finally {
            reapLock.unlock();
        }
        if (sawClose && n == 0) {
            // nothing taken yet, so waiting for close to finish cannot lose an event
            n = afterClose(events, offset, max);
            if (n == 0) {
                throw new ContextClosedException("context " + id + " is closed and has no events left");
            }
        }
        return n;
    }

    private int drain(IoEvent[] events, int at, int max) {
        if (max == 0 || backlog.isEmpty()) {
            return 0;
        }
        filler.start(events, at);
        backlog.drain(filler, max);
        return filler.count();
    }

    /** A waiter that saw close waits (bounded) for it to finish, then takes what close drained. */
    private int afterClose(IoEvent[] events, int at, int max) throws InterruptedException {
        closeDone.await();
        reapLock.lock();
        try {
            return drain(events, at, max);
        } finally {
            reapLock.unlock();
        }
    }

    /**
     * io_cancel: tries to cancel a request in flight on this context. On success its event
     * carries -ECANCELED (or its result, if it finished meanwhile) and must still be reaped.
     * Either way the request yields exactly one event. What can be cancelled depends on the engine:
     * Linux AIO cannot cancel file I/O in the kernel, and the portable engine's inline mode has
     * already done the I/O when {@code submit} returns (see docs/engines.md).
     *
     * @param request the request to cancel
     * @return true if the request will complete cancelled; false if it could not be cancelled
     *     (it is running or done, the engine cannot cancel it, or it is not in flight here)
     */
    public boolean cancel(IoRequest request) {
        Objects.requireNonNull(request, "request");
        submitLock.lock();
        try {
            if (closed || request.owner != this || request.tag == -1) {
                return false;
            }
            return engine.cancel(request) == 0;
        } finally {
            submitLock.unlock();
        }
    }

    /**
     * Registers native buffers for READ_FIXED / WRITE_FIXED (io_uring REGISTER_BUFFERS). Needs
     * the FIXED_BUFFERS flag. The buffers must stay alive until the context is closed. On io_uring
     * they are pinned and counted against RLIMIT_MEMLOCK (ulimit -l) unless the process has
     * CAP_IPC_LOCK; other engines range-check fixed requests without registering anything.
     *
     * @param buffers native buffers, 1..16384 of them, each 1 byte..1 GiB
     * @throws IllegalStateException without FIXED_BUFFERS, or if buffers are already registered
     * @throws IllegalArgumentException for null, empty, heap or zero-length buffers
     * @throws IOException if the engine refuses (e.g. ENOMEM over the memlock limit)
     * @throws ContextClosedException if this context is closed
     */
    public void registerBuffers(MemorySegment... buffers) throws IOException {
        Objects.requireNonNull(buffers, "buffers");
        if (!options.has(SetupFlag.FIXED_BUFFERS)) {
            throw new IllegalStateException("registerBuffers needs SetupFlag.FIXED_BUFFERS");
        }
        if (buffers.length == 0 || buffers.length > 16384) {
            throw new IllegalArgumentException("buffers.length=" + buffers.length + " is outside 1..16384");
        }
        for (int i = 0; i < buffers.length; i++) {
            MemorySegment b = buffers[i];
            if (b == null || !b.isNative() || b.byteSize() == 0 || b.byteSize() > (1L << 30)) {
                throw new IllegalArgumentException("buffers[" + i + "]=" + b + " must be native, non-empty and at most 1 GiB");
            }
        }
        submitLock.lock();
        try {
            ensureOpen("registerBuffers");
            if (registered != null) {
                throw new IllegalStateException("buffers are already registered (EBUSY)");
            }
            MemorySegment[] copy = buffers.clone();
            int r = engine.registerBuffers(copy);
            if (r < 0) {
                throw IoErrors.forResult(r, "register_buffers", -1, -1, copy.length);
            }
            registered = copy;
        } finally {
            submitLock.unlock();
        }
    }

    /** {@return the buffers registered with {@link #registerBuffers}, or an empty list} */
    public List<MemorySegment> registeredBuffers() {
        MemorySegment[] r = registered;
        return r == null ? List.of() : List.of(r);
    }

    /**
     * The ring-mode view of this context (io_ring_enter): a submission ring the caller fills and
     * a completion ring it reads directly. Created on first use; for one thread at a time.
     *
     * @return this context's ring, the same object on every call
     * @throws ContextClosedException if this context is closed
     */
    public synchronized IoRing ring() {
        ensureOpen("ring");
        if (ring == null) {
            ring = new IoRing(this);
        }
        return ring;
    }

    /**
     * What closes kept allocated because their engine left requests to the kernel (see
     * {@link EngineContext#leftRequestsToKernel()}): never freed, so the kernel never writes into
     * freed memory.
     */
    private static final java.util.Queue<Object> KEPT_FOR_KERNEL = new java.util.concurrent.ConcurrentLinkedQueue<>();

    /** How many closes kept memory for the kernel (tests). */
    static int keptForKernel() {
        return KEPT_FOR_KERNEL.size();
    }

    /** The memory an engine was given for {@code r}: its buffer or segments, or their copies. */
    private static void addKernelMemory(IoRequest r, List<MemorySegment> into) {
        if (r.buffer() != null) {
            into.add(r.buffer());
        }
        for (int i = 0; i < r.segmentCount(); i++) {
            into.add(r.segment(i));
        }
    }

    /**
     * io_destroy: stops new submissions, cancels or waits for every request in flight, wakes
     * every waiter and releases every resource. Returns when all of that is done; never hangs on
     * the caller; a second call returns at once (after the first has finished).
     */
    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            awaitUninterruptibly(closeDone);
            return;
        }
        boolean interrupted = false;
        try {
            closed = true;
            engine.wakeup();
            while (true) {
                try {
                    if (reapLock.tryLock(2, TimeUnit.MILLISECONDS)) {
                        break;
                    }
                } catch (InterruptedException e) {
                    interrupted = true;
                }
                engine.wakeup();
            }
            submitLock.lock();
            try {
                List<MemorySegment> inFlight = new ArrayList<>();
                engine.close((tag, result, res2) -> {
                    IoRequest r = slots.request(Tags.slot(tag));
                    if (r != null && r.tag == tag) {
                        addKernelMemory(r, inFlight);
                        backlog.push(tag, filler.settle(r, result), res2);
                    }
                });
                boolean keep = engine.leftRequestsToKernel();
                if (keep) {
                    // the kernel may still write there: the copies and the memory it was given stay
                    // allocated for the life of the process (a bounded leak, on this misuse only)
                    KEPT_FOR_KERNEL.add(List.of(bounce, inFlight));
                }
                for (IoFile f : new ArrayList<>(files)) {
                    try {
                        f.close();
                    } catch (IOException ignored) {
                        // the descriptor is gone either way; close(2) errors are not actionable here
                    }
                }
                if (!keep) {
                    bounce.close();
                }
            } finally {
                submitLock.unlock();
                reapLock.unlock();
            }
        } finally {
            ContextTable.remove(id, this);
            closeDone.countDown();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void ensureOpen(String call) {
        if (closed) {
            throw new ContextClosedException("context " + id + " is closed (" + call + ")");
        }
    }

    @Override
    public String toString() {
        return "IoContext[id=" + id + ", engine=" + info.engine() + ", capacity=" + capacity + ", inFlight=" + inFlight()
                + (closed ? ", closed" : "") + "]";
    }
}
