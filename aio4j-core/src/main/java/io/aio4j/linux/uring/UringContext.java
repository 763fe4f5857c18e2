package io.aio4j.linux.uring;

import static io.aio4j.linux.abi.IoUringSys.IORING_ENTER_GETEVENTS;
import static io.aio4j.linux.abi.IoUringSys.IORING_ENTER_SQ_WAKEUP;
import static io.aio4j.linux.abi.IoUringSys.IORING_SETUP_IOPOLL;
import static io.aio4j.linux.abi.IoUringSys.IORING_SETUP_R_DISABLED;
import static io.aio4j.linux.abi.IoUringSys.IORING_SETUP_SQPOLL;
import static io.aio4j.linux.abi.IoUringSys.IORING_SQ_NEED_WAKEUP;

import io.aio4j.Errno;
import io.aio4j.FileOption;
import io.aio4j.IoRequest;
import io.aio4j.LinkFlags;
import io.aio4j.Op;
import io.aio4j.linux.abi.IoUringSqe;
import io.aio4j.linux.abi.IoUringSys;
import io.aio4j.linux.abi.Iovec;
import io.aio4j.linux.abi.LibC;
import io.aio4j.linux.file.InlineIo;
import io.aio4j.linux.file.LinuxFile;
import io.aio4j.linux.file.SyncIo;
import io.aio4j.linux.file.WriteGate;
import io.aio4j.spi.CompletionSink;
import io.aio4j.spi.EngineContext;
import io.aio4j.spi.EngineFile;
import io.aio4j.spi.Tags;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.VarHandle;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * An io_uring engine context. {@code user_data} is the core's tag; bit 63 marks the engine's own
 * CQEs (the wakeup message). Submit writes SQEs and makes one io_uring_enter per batch (none with
 * SQPOLL unless the poller sleeps); reap reads CQEs in place and makes no syscall when it finds
 * completions, entering the kernel only to wait (EXT_ARG timeout), to flush an overflowed CQ or to
 * run deferred task work.
 *
 * <p>Threading as {@link EngineContext} states. The submitter alone touches the SQ ring, the
 * per-slot iovec arrays and {@code tagBySlot} writes; the reaper alone touches the CQ ring;
 * {@link #wakeup()} touches neither (see {@link WakeSignal}).
 */
final class UringContext implements EngineContext {
    /** How long close waits for the kernel to finish requests in flight before giving up on them. */
    private static final long CLOSE_BOUND_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final Ring ring;
    private final SubmissionQueue sq;
    private final CompletionQueue cq;
    private final MemorySegment sqes;
    private final List<String> downgrades;
    private final boolean sqpoll;
    private final boolean iopoll;
    private final boolean fixedBuffers;
    private final boolean[] emulated = new boolean[Op.values().length];
    /**
     * Buffered writes to files on a device while they prove to be page-cache copies: run here
     * rather than in the ring, whose kernel punts each one to an io-wq worker on file systems
     * without RWF_NOWAIT buffered writes (ext4); null with SQPOLL or IOPOLL (the caller asked for
     * the kernel's own submission, or polled I/O has no buffered writes) or with the system
     * property {@value #ADAPTIVE_WRITES}{@code =false}. The submitter only.
     */
    private final WriteGate writes;
    /** The system property that turns the {@link #writes} gate off. */
    static final String ADAPTIVE_WRITES = "io.aio4j.uring.adaptiveWrites";
    /**
     * Automatic, not shared: closing a shared arena is a handshake with every thread of the JVM,
     * O(threads) per context, O(threads^2) for seed 003's 512 job threads. Freed by the GC once
     * the context is unreachable, unless close had to leave it to the kernel ({@link #LEAKED}).
     */
    private final Arena arena = Arena.ofAuto();
    /** Arenas of rings closed with requests the kernel never finished: kept reachable for ever. */
    private static final java.util.Queue<Arena> LEAKED = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final KernelWaits waits;
    private final MemorySegment[] iovBySlot;
    /** The tag in flight per slot, or -1: written by the submitter, cleared by the reaper before delivery. */
    private final long[] tagBySlot;
    private final ResultQueue local;
    private final Cancels cancels;
    private final FileTable files;
    private final WakeSignal wake;
    private final AtomicLong placed = new AtomicLong();
    private final AtomicLong reaped = new AtomicLong();
    /** Guards enabling the ring, the eventfd and {@code closed}. */
    private final Object lifecycle = new Object();
    private final Reaper reaper = new Reaper();
    private volatile boolean enabled;
    /** The reaper is waiting in the kernel, or about to: submit must wake it for local results. */
    private volatile boolean sleeping;
    /** Set by a close that reported requests cancelled while the kernel still had them. */
    private volatile boolean leftToKernel;

    @Override
    public boolean leftRequestsToKernel() {
        return leftToKernel;
    }

    /** SINGLE_ISSUER: the thread that enabled the ring with its first submit; else null. */
    private volatile Thread issuer;
    /** A reaper parked on a ring not yet enabled, for {@link #wakeup()} to unpark. */
    private volatile Thread parked;
    private boolean closed;
    private int eventFd = -1;

    UringContext(int entries, Ring ring, Capabilities caps, List<String> downgrades, boolean fixedBuffers, Waker waker) {
        this.ring = ring;
        this.sq = ring.sq();
        this.cq = ring.cq();
        this.sqes = sq.sqes();
        this.sqpoll = (ring.setupFlags() & IORING_SETUP_SQPOLL) != 0;
        this.iopoll = (ring.setupFlags() & IORING_SETUP_IOPOLL) != 0;
        this.writes = sqpoll || iopoll || !Boolean.parseBoolean(System.getProperty(ADAPTIVE_WRITES, "true"))
                ? null : new WriteGate();
        this.enabled = (ring.setupFlags() & IORING_SETUP_R_DISABLED) == 0;
        this.fixedBuffers = fixedBuffers;
        this.wake = new WakeSignal(ring, waker);
        this.iovBySlot = new MemorySegment[entries];
        this.tagBySlot = new long[entries];
        Arrays.fill(tagBySlot, -1L);
        this.local = new ResultQueue(entries);
        this.waits = new KernelWaits(ring, waker != null, arena);
        this.cancels = new Cancels(ring, caps, arena);
        this.files = new FileTable(ring);
        for (Op op : Op.values()) {
            emulated[op.ordinal()] = !caps.supports(RequestSqes.opcode(op));
            if (emulated[op.ordinal()]) {
                downgrades.add(op + ": IORING_OP " + RequestSqes.opcode(op) + " is missing on this kernel; "
                        + "emulated synchronously on the submitting thread");
            }
        }
        if (waker == null) {
            downgrades.add("wakeup: IORING_OP_MSG_RING is missing; waits are sliced into "
                    + TimeUnit.NANOSECONDS.toMillis(KernelWaits.FALLBACK_SLICE_NANOS) + " ms so a wakeup is seen between slices");
        }
        this.downgrades = List.copyOf(downgrades);
    }

    // ---- submit ------------------------------------------------------------------------------

    @Override
    public int submit(IoRequest[] requests, int offset, int count) {
        ensureEnabled();
        if (issuer != null && issuer != Thread.currentThread()) {
            return refuseForeignIssuer(requests, offset, count);
        }
        int n = Math.min(count, sq.space());
        int inRing = 0;
        boolean local = false;
        boolean chained = false; // the previous request links to this one
        for (int i = 0; i < n; i++) {
            IoRequest r = requests[offset + i];
            int slot = Tags.slot(r.tag());
            boolean inChain = chained;
            chained = (r.linkFlags() & (LinkFlags.LINK | LinkFlags.HARDLINK)) != 0;
            if (emulated[r.op().ordinal()] || (!inChain && InlineIo.suits(r))) {
                this.local.offer(r.tag(), SyncIo.run(r, iov(slot, r.segmentCount()), 0));
                local = true;
                continue;
            }
            if (writes != null && !inChain && WriteGate.governs(r) && writes.inline()) {
                this.local.offer(r.tag(), writes.run(r, iov(slot, r.segmentCount())));
                local = true;
                continue;
            }
            long at = sq.next();
            boolean vectored = r.op() == Op.PREADV || r.op() == Op.PWRITEV;
            RequestSqes.prepare(sqes, at, r, vectored ? iov(slot, r.segmentCount()) : null, files);
            tagBySlot[slot] = r.tag();
            inRing++;
        }
        if (inRing > 0) {
            // a chain ends with its batch (LinkFlags: "the next request submitted in the same batch")
            long last = sq.last();
            int f = IoUringSqe.flags(sqes, last);
            IoUringSqe.flags(sqes, last, f & ~(LinkFlags.LINK | LinkFlags.HARDLINK));
            placed.lazySet(placed.get() + inRing);
            sq.publish();
            flush();
        }
        if (local) {
            // full fence: the results offered above are visible before we read sleeping (Dekker
            // with reap(), which stores sleeping and then looks at the queue); a reaper that is
            // not asleep finds them itself, so most submits skip the wakeup's system call
            VarHandle.fullFence();
            if (sleeping) {
                wakeup();
            }
        }
        return n;
    }

    /** Hands published SQEs to the kernel: one io_uring_enter, or a wakeup of a sleeping SQPOLL thread. */
    private void flush() {
        if (sqpoll) {
            if ((sq.flagsAfterFence() & IORING_SQ_NEED_WAKEUP) != 0) {
                ring.enter(0, 0, IORING_ENTER_SQ_WAKEUP);
            }
            return;
        }
        int todo = sq.unconsumed();
        while (todo > 0) {
            int r = ring.enter(todo, 0, 0);
            if (r == -Errno.EINTR) {
                continue;
            }
            if (r <= 0) {
                break; // EAGAIN/EBUSY: the SQEs stay published; the next submit or reap hands them over
            }
            todo = sq.unconsumed();
        }
    }

    /** The iovec array of a slot, grown on demand and kept until close. */
    private MemorySegment iov(int slot, int segments) {
        MemorySegment a = iovBySlot[slot];
        int need = Math.max(1, segments);
        if (a == null || a.byteSize() < need * Iovec.SIZE) {
            int cap = Math.min(IoRequest.IOV_MAX, Math.max(need, a == null ? 4 : (int) (a.byteSize() / Iovec.SIZE) * 2));
            a = arena.allocate(cap * Iovec.SIZE, 8);
            iovBySlot[slot] = a;
        }
        return a;
    }

    /**
     * A ring set up disabled (SINGLE_ISSUER) is enabled by its first submit, whose thread the
     * kernel makes the issuer: the one thread that may submit to it and, with DEFER_TASKRUN, reap.
     */
    private void ensureEnabled() {
        if (!enabled) {
            synchronized (lifecycle) {
                if (!enabled) {
                    ring.register(IoUringSys.IORING_REGISTER_ENABLE_RINGS, 0, 0);
                    issuer = Thread.currentThread();
                    enabled = true;
                }
            }
        }
    }

    /**
     * SINGLE_ISSUER broken: the kernel would refuse this thread's submission (EEXIST), so each
     * request completes with -EEXIST instead of sitting in the ring.
     */
    private int refuseForeignIssuer(IoRequest[] requests, int offset, int count) {
        for (int i = 0; i < count; i++) {
            local.offer(requests[offset + i].tag(), -Errno.EEXIST);
        }
        wakeup();
        return count;
    }

    // ---- reap --------------------------------------------------------------------------------

    /** Routes CQEs: internal ones are consumed here, request ones go to the sink. Reaper-only. */
    private final class Reaper implements CompletionQueue.Handler {
        CompletionSink sink;
        boolean woke;

        @Override
        public int cqe(long userData, int res, int flags) {
            if (Tags.isInternal(userData)) {
                if (userData == WakeSignal.TAG) {
                    woke = true;
                    wake.consumed();
                }
                return 0;
            }
            tagBySlot[Tags.slot(userData)] = -1L;
            reaped.lazySet(reaped.get() + 1);
            sink.complete(userData, res, flags);
            return 1;
        }
    }

    @Override
    public int reap(CompletionSink sink, int max, int min, long timeoutNanos) {
        reaper.sink = sink;
        if (!enabled) {
            return reapBeforeFirstSubmit(max, min, timeoutNanos);
        }
        reaper.woke = false;
        int n = collect(max);
        if (n < max && waits.needed()) {
            waits.enterNoWait();
            n += collect(max - n);
        }
        if (n >= min || timeoutNanos == 0 || reaper.woke || wake.take()) {
            return n;
        }
        sleeping = true;
        try {
            VarHandle.fullFence(); // the store above before the look below (see submit)
            if (local.isEmpty()) {
                waits.waitFor(min - n, timeoutNanos, inRing());
            }
        } finally {
            sleeping = false;
        }
        return n + collect(max - n);
    }

    /** Nothing can be in the ring yet: wait (bounded) for a wakeup without entering the kernel. */
    private int reapBeforeFirstSubmit(int max, int min, long timeoutNanos) {
        int n = collect(max);
        if (n >= min || timeoutNanos == 0 || wake.take()) {
            return n;
        }
        parked = Thread.currentThread();
        if (!enabled && !wake.take()) {
            long slice = KernelWaits.FALLBACK_SLICE_NANOS;
            LockSupport.parkNanos(this, timeoutNanos < 0 ? slice : Math.min(timeoutNanos, slice));
        }
        parked = null;
        return n + collect(max - n);
    }

    private int collect(int max) {
        int n = local.isEmpty() ? 0 : local.drain(reaper.sink, max);
        return n < max ? n + cq.reap(reaper, max - n) : n;
    }

    // ---- wakeup, cancel, registration ----------------------------------------------------------

    @Override
    public void wakeup() {
        wake.wake(enabled);
        Thread t = parked;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    @Override
    public int cancel(IoRequest request) {
        if (!enabled) {
            return -Errno.ENOENT; // nothing was submitted yet
        }
        if (!sqpoll && sq.unconsumed() > 0) {
            flush(); // a request still in the SQ ring is unknown to the kernel: hand it over first
        }
        return cancels.cancel(request.tag());
    }

    @Override
    public int registerBuffers(MemorySegment[] buffers) {
        if (!fixedBuffers) {
            return -Errno.EINVAL;
        }
        try (Arena a = Arena.ofConfined()) {
            MemorySegment iov = a.allocate(Iovec.SIZE * buffers.length, 8);
            for (int i = 0; i < buffers.length; i++) {
                Iovec.set(iov, i, buffers[i].address(), buffers[i].byteSize());
            }
            int r;
            do {
                r = ring.register(IoUringSys.IORING_REGISTER_BUFFERS, iov.address(), buffers.length);
            } while (r == -Errno.EINTR);
            return Math.min(r, 0);
        }
    }

    @Override
    public EngineFile openFile(Path path, Set<FileOption> options) throws IOException {
        if (iopoll && !options.contains(FileOption.DIRECT)) {
            throw new IllegalArgumentException("options=" + options + ": an IOPOLL context needs FileOption.DIRECT "
                    + "(O_DIRECT); the kernel fails buffered I/O on a polled ring with EOPNOTSUPP");
        }
        return new UringFile(LinuxFile.open(path, options), files);
    }

    /**
     * An eventfd registered with IORING_REGISTER_EVENTFD, created on first call. The kernel
     * coalesces its signals (one per batch of CQEs posted), so it says "look", not "how many".
     */
    @Override
    public int eventFd() {
        synchronized (lifecycle) {
            if (eventFd < 0 && !closed) {
                int efd = LibC.eventfd(0, LibC.EFD_CLOEXEC | LibC.EFD_NONBLOCK);
                if (efd >= 0) {
                    try (Arena a = Arena.ofConfined()) {
                        MemorySegment arg = a.allocate(java.lang.foreign.ValueLayout.JAVA_INT);
                        arg.set(java.lang.foreign.ValueLayout.JAVA_INT, 0, efd);
                        if (ring.register(IoUringSys.IORING_REGISTER_EVENTFD, arg.address(), 1) < 0) {
                            LibC.close(efd);
                            efd = -1;
                        }
                    }
                }
                eventFd = efd;
            }
            return eventFd;
        }
    }

    @Override
    public List<String> downgrades() {
        return downgrades;
    }

    /** The SQPOLL thread is asleep (IORING_SQ_NEED_WAKEUP); for tests and diagnostics. */
    boolean sqThreadSleeping() {
        return sqpoll && (sq.loadAcquireFlags() & IORING_SQ_NEED_WAKEUP) != 0;
    }

    /** Requests handed to the ring and not yet reaped. */
    long inRing() {
        return placed.get() - reaped.get();
    }

    // ---- close ---------------------------------------------------------------------------------

    @Override
    public void close(CompletionSink drain) {
        wake.stop(); // no wakeup posts into this ring from now on
        synchronized (lifecycle) {
            closed = true;
        }
        files.close(); // files closed later by the core must not touch the ring fd
        reaper.sink = drain;
        if (enabled) {
            for (long tag : tagBySlot) {
                if (tag != -1L) {
                    cancels.cancel(tag);
                }
            }
            long deadline = System.nanoTime() + CLOSE_BOUND_NANOS;
            collect(Integer.MAX_VALUE);
            while (inRing() > 0 && System.nanoTime() - deadline < 0) {
                // EEXIST: a DEFER_TASKRUN ring's completions are reachable only from its issuer thread
                if (waits.enterNoWait() == -Errno.EEXIST) {
                    break;
                }
                if (collect(Integer.MAX_VALUE) == 0 && inRing() > 0) {
                    waits.waitFor(1, TimeUnit.MILLISECONDS.toNanos(100), inRing());
                    collect(Integer.MAX_VALUE);
                }
            }
        }
        collect(Integer.MAX_VALUE);
        boolean leak = false;
        for (int slot = 0; slot < tagBySlot.length; slot++) {
            long tag = tagBySlot[slot];
            if (tag != -1L) {
                // the kernel did not finish it within the bound (or the ring never ran): report it
                // cancelled, and leave the ring's memory mapped rather than risk the kernel writing into it
                tagBySlot[slot] = -1L;
                leak = true;
                drain.complete(tag, -Errno.ECANCELED, 0);
            }
        }
        if (!leak) {
            ring.close();
        } else {
            LEAKED.add(arena);
            leftToKernel = true;
        }
        synchronized (lifecycle) {
            if (eventFd >= 0) {
                LibC.close(eventFd);
            }
        }
    }
}
