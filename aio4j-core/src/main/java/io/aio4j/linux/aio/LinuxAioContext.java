package io.aio4j.linux.aio;

import io.aio4j.ContextOptions;
import io.aio4j.Errno;
import io.aio4j.FileOption;
import io.aio4j.IoRequest;
import io.aio4j.LinkFlags;
import io.aio4j.Op;
import io.aio4j.RwFlags;
import io.aio4j.SetupFlag;
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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A Linux native AIO context (io_setup / io_submit / io_getevents / io_destroy) with the seed
 * 002 SQ-workqueue treatment of buffered files ({@link BufferedMode}).
 *
 * <p>Where each request goes: O_DIRECT reads, writes, fsync and fdatasync to the kernel with
 * io_submit, batched per submit call; buffered ones as {@link BufferedMode} says; NOOP (which
 * the kernel rejects) and fallocate (which it lacks) in user space. Every kernel iocb carries
 * IOCB_FLAG_RESFD with the context's eventfd, and every user-space completion adds to the same
 * eventfd, so its counter counts completions and it is the one point a reaper waits on.
 *
 * <p>Completions come from the kernel's aio_ring read in user space ({@link AioRingReader}), or
 * io_getevents when the ring header does not check out, and from a ring of user-space
 * completions ({@link UserCompletions}).
 *
 * <p>Link chains and DRAIN, which Linux AIO lacks, run on the workers ({@link QueuedWork}).
 *
 * <p>Cancel: io_cancel cannot cancel file I/O (EINVAL), so only requests still queued for a
 * worker can be cancelled; anything else reports that it could not. Close has io_destroy's
 * semantics: queued requests complete with -ECANCELED, running ones and kernel ones are waited
 * for (bounded by their I/O), then the context is destroyed.
 *
 * <p>Threading as {@link EngineContext} says; workers add their own completions concurrently.
 */
final class LinuxAioContext implements EngineContext {
    private static final long CLOSE_WAIT_SLICE_NANOS = 100_000_000L;
    private static final int CHAIN_FLAGS = LinkFlags.LINK | LinkFlags.HARDLINK;

    private final Arena arena;
    private final int entries;
    private final BufferedMode mode;
    private final KernelAio kernel;
    private final CompletionEventFd eventFd;
    private final SlotMemory memory;
    private final UserCompletions user;
    private final Slots slots;
    private final QueuedWork work;
    private final Workers workers;
    private final MarkingSink marking;
    /** ADAPTIVE's judge of buffered writes: inline or to the workers. The submitter only. */
    private final WriteGate writes = new WriteGate();
    private final List<String> downgrades;
    /** Requests bound so far: the submission order DRAIN waits by. The submitter only. */
    private long seq;
    /** User-space completions made by the current submit call, signalled once at its end. */
    private int pendingSignals;
    private volatile boolean closing;

    private LinuxAioContext(Arena arena, int entries, ContextOptions options, BufferedMode mode, boolean forceGetevents)
            throws IOException {
        this.arena = arena;
        this.entries = entries;
        this.mode = mode;
        this.eventFd = new CompletionEventFd(arena);
        try {
            this.kernel = new KernelAio(arena, entries, forceGetevents);
        } catch (IOException | RuntimeException e) {
            eventFd.close();
            throw e;
        }
        this.memory = new SlotMemory(arena, entries);
        this.user = new UserCompletions(entries);
        this.slots = new Slots(entries);
        this.marking = new MarkingSink(slots);
        this.work = new QueuedWork(slots, memory, user, eventFd, () -> closing);
        int n = options.workers() > 0 ? options.workers()
                : Math.min(2 * Runtime.getRuntime().availableProcessors(), entries);
        this.workers = new Workers(Math.max(1, n), entries, work, "aio4j-aio");
        this.downgrades = downgrades(options, mode, kernel);
    }

    /**
     * Opens a context of {@code entries} requests.
     *
     * @param forceGetevents read completions with io_getevents even when the ring checks out (tests)
     * @throws IOException naming io_setup and the errno when the kernel refuses (EAGAIN when
     *     fs.aio-max-nr is exhausted), or eventfd's
     */
    static LinuxAioContext open(int entries, ContextOptions options, boolean forceGetevents) throws IOException {
        BufferedMode mode = options.has(SetupFlag.SQ_WORKQUEUE) || options.has(SetupFlag.SQ_THREAD)
                ? BufferedMode.OFFLOAD : BufferedMode.fromProperty();
        // An automatic arena, not a shared one: closing a shared arena is a handshake with every
        // thread of the JVM, so 512 job threads closing their contexts took O(threads^2) (seed 003).
        // The memory is freed by the GC once the context is unreachable; close() has already waited
        // for every request (io_destroy), so the kernel no longer touches it by then.
        return new LinuxAioContext(Arena.ofAuto(), entries, options, mode, forceGetevents);
    }

    private static List<String> downgrades(ContextOptions options, BufferedMode mode, KernelAio kernel) {
        List<String> d = new ArrayList<>();
        if (!kernel.userSpaceRing()) {
            d.add("user-space reaping: completions are read with " + kernel.ringStatus());
        }
        if (options.has(SetupFlag.SQ_THREAD)) {
            d.add("SQ_THREAD: Linux AIO has no submission thread; requests are submitted on the caller's thread"
                    + " and buffered I/O is offloaded as with SQ_WORKQUEUE");
        }
        if (options.has(SetupFlag.IOPOLL)) {
            d.add("IOPOLL: upstream Linux AIO cannot poll for completions; they arrive by interrupt");
        }
        if (options.has(SetupFlag.FIXED_BUFFERS)) {
            d.add("FIXED_BUFFERS: Linux AIO cannot pre-register buffers; READ_FIXED/WRITE_FIXED run as PREAD/PWRITE"
                    + " on the registered memory");
        }
        if (options.cqEntries() != 0) {
            d.add("cqEntries=" + options.cqEntries() + ": the kernel sizes the Linux AIO completion ring itself");
        }
        if (mode == BufferedMode.KERNEL) {
            d.add(BufferedMode.PROPERTY + "=kernel: buffered I/O runs inside io_submit, which blocks the submitter");
        }
        return List.copyOf(d);
    }

    /** How completions are read (for diagnostics and tests). */
    String ringStatus() {
        return kernel.ringStatus();
    }

    /** The kernel's aio_context_t (tests: reuse through {@link KernelContextPool}). */
    long kernelContext() {
        return kernel.ctx();
    }

    /** The worker thread count. */
    int workerCount() {
        return workers.count();
    }

    // ---- submit ------------------------------------------------------------------------------

    @Override
    public int submit(IoRequest[] batch, int offset, int count) {
        int accepted = 0;
        int iocbs = 0; // pointer-array entries for batch[offset + accepted ..], not yet submitted
        int chainHead = -1;
        int chainTail = -1;
        for (int i = 0; i < count; i++) {
            IoRequest r = batch[offset + i];
            int slot = Tags.slot(r.tag());
            slots.bind(slot, r, seq++);
            int links = r.linkFlags();
            if (chainTail < 0 && links == 0 && toKernel(r)) {
                memory.prepareIocb(slot, r, eventFd.fd());
                memory.point(iocbs++, slot);
                slots.state(slot, Slots.KERNEL);
                continue;
            }
            if (iocbs > 0) { // keep the accepted prefix in order: the kernel's share goes first
                int k = flush(batch, offset + accepted, iocbs);
                accepted += k;
                if (k < iocbs) {
                    return refuse(batch, offset + accepted, offset + i + 1, accepted);
                }
                iocbs = 0;
            }
            accepted++;
            if (chainTail >= 0 || links != 0) { // a chain member, or a request that needs the emulation
                prepareForWorker(slot, r);
                if (chainTail >= 0) {
                    slots.next[chainTail] = slot;
                    slots.state(slot, Slots.CHAINED);
                } else {
                    chainHead = slot;
                }
                chainTail = slot;
                if ((links & CHAIN_FLAGS) == 0) { // the chain ends here
                    dispatch(chainHead);
                    chainHead = -1;
                    chainTail = -1;
                }
                continue;
            }
            startInUserSpace(slot, r);
        }
        if (chainHead >= 0) {
            dispatch(chainHead); // a LINK on the batch's last request links to nothing
        }
        if (iocbs > 0) {
            int k = flush(batch, offset + accepted, iocbs);
            accepted += k;
            if (k < iocbs) {
                return refuse(batch, offset + accepted, offset + count, accepted);
            }
        }
        signalPending();
        return accepted;
    }

    private boolean toKernel(IoRequest r) {
        Op op = r.op();
        if (op == Op.NOOP || op == Op.FALLOCATE) {
            return false;
        }
        return mode == BufferedMode.KERNEL || r.file().isDirect();
    }

    /**
     * io_submit of the {@code n} iocbs pointed to for {@code batch[first ..]}. An iocb that the
     * kernel refuses at submit gets no event from it, so it completes here with the error.
     * Returns how many of the n were accepted (fewer only when the kernel is out of room).
     */
    private int flush(IoRequest[] batch, int first, int n) {
        int done = 0;
        while (done < n) {
            int r = kernel.submit(memory.pointers(), done, n - done);
            if (r > 0) {
                done += r;
            } else if (r == -Errno.EAGAIN && kernel.inFlight() > 0) {
                break; // back-pressure: the ring is full until completions are reaped
            } else {
                complete(Tags.slot(batch[first + done].tag()), r); // EAGAIN with nothing in flight too: never spin
                done++;
            }
        }
        return done;
    }

    /** Forgets the requests of {@code batch[from .. to)}, which were not accepted. */
    private int refuse(IoRequest[] batch, int from, int to, int accepted) {
        for (int i = from; i < to; i++) {
            int slot = Tags.slot(batch[i].tag());
            slots.requests[slot] = null;
            slots.state(slot, Slots.FREE);
        }
        signalPending();
        return accepted;
    }

    private void startInUserSpace(int slot, IoRequest r) {
        Op op = r.op();
        if (op == Op.NOOP) {
            complete(slot, 0); // the kernel rejects IOCB_CMD_NOOP with EINVAL
            return;
        }
        boolean callerNowait = (r.rwFlags() & RwFlags.RWF_NOWAIT) != 0;
        MemorySegment iov = prepareForWorker(slot, r);
        if (InlineIo.suits(r)) {
            // tmpfs and the like: a memory copy that never waits for a device, but that RWF_NOWAIT
            // cannot try (EOPNOTSUPP); a worker hand-off would cost more than the copy (seed 003)
            complete(slot, SyncIo.run(r, iov, 0));
            return;
        }
        if (callerNowait && op.transfersData()) {
            complete(slot, SyncIo.run(r, iov, 0)); // the caller's own RWF_NOWAIT: its answer, -EAGAIN included
            return;
        }
        if (op.isRead()) {
            long res = SyncIo.run(r, iov, RwFlags.RWF_NOWAIT);
            if (!wouldBlock(res, r)) {
                complete(slot, res);
                return;
            }
            // The miss has already started the device read: before it answers EAGAIN, the
            // kernel's buffered read path runs the synchronous readahead for the range
            // (filemap_get_pages; only RWF_NOIO would skip it), so the device sees the whole
            // queue depth, not one read per worker, and the worker waits for pages on their way.
            // An explicit POSIX_FADV_WILLNEED here measured no faster (8 GiB file, depth 32:
            // 51-59k IOPS with it, 55-60k without) and could block the submitter on a full
            // device queue.
        } else if (mode == BufferedMode.INLINE) {
            complete(slot, SyncIo.run(r, iov, 0));
            return;
        } else if (mode == BufferedMode.ADAPTIVE && WriteGate.governs(r) && writes.inline()) {
            complete(slot, writes.run(r, iov));
            return;
        }
        dispatch(slot);
    }

    /**
     * The slot's iovec array with room for a read or write, for SyncIo.run here or on a worker,
     * which fills what its call needs; nothing to fill for a plain pread or pwrite.
     */
    private MemorySegment prepareForWorker(int slot, IoRequest r) {
        return r.op().transfersData() ? memory.iovecRoom(slot, r) : MemorySegment.NULL;
    }

    /** Hands a slot (and the chain behind it) to the workers. */
    private void dispatch(int slot) {
        slots.state(slot, Slots.QUEUED); // release: a worker reads the slot after claiming it
        if (!workers.execute(slot)) {
            work.accept(slot); // the queue is full of cancelled entries: run it here
        }
    }

    /** Whether an inline RWF_NOWAIT read result means "hand it to a worker". */
    private static boolean wouldBlock(long res, IoRequest r) {
        // a short read may be a partly cached range rather than EOF: the worker reads it all
        return res == -Errno.EAGAIN || res == -Errno.EOPNOTSUPP || (res > 0 && res < r.length());
    }

    /** A user-space completion by the submitter; the eventfd is signalled once per submit call. */
    private void complete(int slot, long result) {
        slots.state(slot, Slots.DONE);
        user.push(slots.tags[slot], result);
        pendingSignals++;
    }

    private void signalPending() {
        if (pendingSignals > 0) {
            eventFd.signal(pendingSignals);
            pendingSignals = 0;
        }
    }

    // ---- reap --------------------------------------------------------------------------------

    @Override
    public int reap(CompletionSink sink, int max, int min, long timeoutNanos) {
        int n = fetch(sink, max);
        if (n >= min || n == max || timeoutNanos == 0) {
            return n;
        }
        long deadline = timeoutNanos > 0 ? System.nanoTime() + timeoutNanos : 0;
        while (true) {
            if (eventFd.takeWakeup()) {
                return n;
            }
            // clear, then look again: a completion after this look still makes the eventfd readable
            eventFd.clear();
            n += fetch(sink, max - n);
            if (n >= min || n == max) {
                return n;
            }
            long left = -1;
            if (timeoutNanos > 0) {
                left = deadline - System.nanoTime();
                if (left <= 0) {
                    return n;
                }
            }
            eventFd.await(left);
            n += fetch(sink, max - n);
            if (n >= min || n == max) {
                return n;
            }
        }
    }

    private int fetch(CompletionSink sink, int max) {
        int n = user.drain(sink, max);
        return n + kernel.fetch(marking.to(sink), max - n);
    }

    @Override
    public void wakeup() {
        eventFd.wakeup();
    }

    // ---- cancel, buffers, files ----------------------------------------------------------------

    /**
     * Cancels a request that is still queued for a worker (it, and the chain behind it, complete
     * with -ECANCELED). Otherwise: -EALREADY while a worker runs it, -EINVAL while the kernel has
     * it (io_cancel cannot cancel file I/O) or while it waits in a link chain behind its head,
     * -ENOENT once it has finished.
     */
    @Override
    public int cancel(IoRequest request) {
        long tag = request.tag();
        int slot = Tags.slot(tag);
        if (slot < 0 || slot >= entries || slots.tags[slot] != tag || slots.requests[slot] != request) {
            return -Errno.ENOENT;
        }
        int n = work.cancelQueued(slot);
        if (n > 0) {
            eventFd.signal(n);
            return 0;
        }
        return switch (slots.state(slot)) {
            case Slots.RUNNING -> -Errno.EALREADY;
            case Slots.KERNEL, Slots.CHAINED -> -Errno.EINVAL;
            default -> -Errno.ENOENT;
        };
    }

    /** Accepted without pinning: Linux AIO has no registration (reported in {@link #downgrades()}). */
    @Override
    public int registerBuffers(MemorySegment[] buffers) {
        return 0;
    }

    @Override
    public EngineFile openFile(Path path, Set<FileOption> options) throws IOException {
        return LinuxFile.open(path, options);
    }

    @Override
    public List<String> downgrades() {
        return downgrades;
    }

    @Override
    public int eventFd() {
        return closing ? -1 : eventFd.expose();
    }

    // ---- close -------------------------------------------------------------------------------

    @Override
    public void close(CompletionSink drain) {
        if (closing) {
            return;
        }
        closing = true; // also ends DRAIN waits, which could otherwise wait for kernel events below
        for (int slot = 0; slot < entries; slot++) {
            work.cancelQueued(slot);
        }
        workers.shutdown(); // waits for the requests workers are running
        user.drainAll(drain);
        CompletionSink sink = marking.to(drain);
        while (kernel.inFlight() > 0) { // io_destroy would wait too, but would unmap their events
            if (kernel.fetch(sink, entries) > 0) {
                continue;
            }
            if (kernel.userSpaceRing()) {
                eventFd.takeWakeup();
                eventFd.clear();
                if (kernel.fetch(sink, entries) == 0) {
                    eventFd.await(CLOSE_WAIT_SLICE_NANOS);
                }
            } else {
                kernel.fetchWaiting(sink, entries, CLOSE_WAIT_SLICE_NANOS);
            }
        }
        user.drainAll(drain);
        kernel.destroy();
        eventFd.close();
        slots.clear();
        // the automatic arena is freed by the GC (see open)
    }
}
