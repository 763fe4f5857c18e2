package io.aio4j.internal.pool;

import io.aio4j.ContextOptions;
import io.aio4j.Errno;
import io.aio4j.FileOption;
import io.aio4j.IoRequest;
import io.aio4j.LinkFlags;
import io.aio4j.Op;
import io.aio4j.RwFlags;
import io.aio4j.SetupFlag;
import io.aio4j.spi.CompletionSink;
import io.aio4j.spi.EngineContext;
import io.aio4j.spi.EngineFile;
import io.aio4j.spi.Tags;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A context of the portable engine, in one of three submission modes (seed 002): inline (the
 * submitting thread performs the I/O), SQ_THREAD (one submitter thread, in order) and
 * SQ_WORKQUEUE (a worker pool; on Linux a buffered read is first tried inline with
 * preadv2(RWF_NOWAIT) and handed to a worker only if it would block).
 *
 * <p>Request state lives in per-slot arrays made at setup (seed 004's batch allocation), and
 * completions go through a preallocated ring, so nothing is allocated per request.
 */
final class PortableContext implements EngineContext {
    private static final AtomicInteger IDS = new AtomicInteger();
    private static final int CHAINED = LinkFlags.LINK | LinkFlags.HARDLINK;

    enum Mode { INLINE, SQ_THREAD, SQ_WORKQUEUE }

    private final Mode mode;
    private final FileIo io;
    private final CompletionRing ring;
    private final Iovecs iovecs;
    private final UnitRunner runner;
    private final SqThread sq;
    private final WorkQueue wq;
    private final List<String> downgrades = new ArrayList<>();
    private final int capacity;

    PortableContext(int entries, ContextOptions options, FileIo io) {
        this.io = io;
        this.capacity = entries;
        this.mode = options.has(SetupFlag.SQ_THREAD) ? Mode.SQ_THREAD
                : options.has(SetupFlag.SQ_WORKQUEUE) ? Mode.SQ_WORKQUEUE : Mode.INLINE;
        this.ring = new CompletionRing(entries);
        this.iovecs = new Iovecs(entries);
        this.runner = new UnitRunner(io, ring, entries, iovecs);
        String name = "aio4j-portable-" + IDS.incrementAndGet();
        this.sq = mode == Mode.SQ_THREAD ? new SqThread(runner, entries, options.sqThreadIdleMillis(), name + "-sq") : null;
        int workers = options.workers() > 0 ? options.workers()
                : Math.min(2 * Runtime.getRuntime().availableProcessors(), entries);
        this.wq = mode == Mode.SQ_WORKQUEUE ? new WorkQueue(runner, entries, Math.max(1, workers), name + "-worker") : null;
        if (options.has(SetupFlag.FIXED_BUFFERS)) {
            downgrades.add("FIXED_BUFFERS: emulated; buffers are range-checked but not registered with a kernel");
        }
        if (options.has(SetupFlag.IOPOLL)) {
            downgrades.add("IOPOLL: no effect on the portable engine (completions are not polled)");
        }
        if (mode == Mode.SQ_WORKQUEUE && !io.supportsNowait()) {
            downgrades.add("SQ_WORKQUEUE: no RWF_NOWAIT here, every request goes to the workers");
        }
    }

    Mode mode() {
        return mode;
    }

    @Override
    public int submit(IoRequest[] requests, int offset, int count) {
        int i = 0;
        while (i < count) {
            int j = i;
            while (j < count - 1 && (requests[offset + j].linkFlags() & CHAINED) != 0) {
                j++;
            }
            for (int k = i; k <= j; k++) {
                runner.record(requests[offset + k], k < j ? Tags.slot(requests[offset + k + 1].tag()) : -1);
            }
            long head = requests[offset + i].tag();
            switch (mode) {
                case INLINE -> runner.run(head);
                case SQ_THREAD -> sq.offer(head);
                case SQ_WORKQUEUE -> {
                    if (i != j || !tryInline(requests[offset + i])) {
                        wq.offer(head);
                    }
                }
            }
            i = j + 1;
        }
        return count;
    }

    /**
     * The SQ_WORKQUEUE inline try: a buffered read that the page cache can satisfy completes
     * here without blocking; otherwise what it moved is kept and the rest goes to a worker.
     */
    private boolean tryInline(IoRequest r) {
        Op op = r.op();
        if ((op != Op.PREAD && op != Op.PREADV) || !io.supportsNowait() || wq.holding()
                || r.file().isDirect() || (r.linkFlags() & LinkFlags.DRAIN) != 0) {
            return false;
        }
        int slot = Tags.slot(r.tag());
        long k = io.perform(r, 0, RwFlags.RWF_NOWAIT, runner.scratch(slot));
        if (k == r.length() || k == 0 || (k < 0 && (r.rwFlags() & RwFlags.RWF_NOWAIT) != 0)) {
            runner.run(r.tag(), k);
            return true;
        }
        if (k > 0) {
            runner.partial(slot, k);
        }
        return false;
    }

    @Override
    public int reap(CompletionSink sink, int max, int min, long timeoutNanos) {
        int n = ring.drain(sink, max);
        if (n >= min || timeoutNanos == 0) {
            return n;
        }
        long deadline = timeoutNanos > 0 ? System.nanoTime() + timeoutNanos : 0;
        while (n < min) {
            long wait = -1;
            if (timeoutNanos > 0) {
                wait = deadline - System.nanoTime();
                if (wait <= 0) {
                    break;
                }
            }
            boolean woken = ring.await(wait);
            n += ring.drain(sink, max - n);
            if (woken) {
                break;
            }
        }
        return n;
    }

    @Override
    public void wakeup() {
        ring.wakeup();
    }

    @Override
    public int cancel(IoRequest request) {
        if (mode == Mode.INLINE) {
            return -Errno.ENOENT; // performed during submit: its completion is already posted
        }
        long tag = request.tag();
        if (runner.cancel(tag)) {
            return 0;
        }
        return runner.request(Tags.slot(tag)) == request ? -Errno.EALREADY : -Errno.ENOENT;
    }

    @Override
    public int registerBuffers(MemorySegment[] buffers) {
        return 0; // the core range-checks fixed requests; nothing to pin without a kernel ring
    }

    @Override
    public EngineFile openFile(Path path, Set<FileOption> options) throws IOException {
        return io.open(path, options);
    }

    @Override
    public void close(CompletionSink drain) {
        if (sq != null) {
            sq.close();
        }
        if (wq != null) {
            wq.close();
        }
        ring.drainAll(drain); // every accepted request has posted by now: the threads are joined
        iovecs.close();
    }

    @Override
    public List<String> downgrades() {
        return List.copyOf(downgrades);
    }
}
