package io.aio4j.linux.aio;

import io.aio4j.IoErrors;
import io.aio4j.linux.abi.KernelTimespec;
import io.aio4j.linux.abi.LibC;
import io.aio4j.linux.abi.Ppoll;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The context's eventfd (non-blocking, close-on-exec): the kernel adds 1 per completion of every
 * iocb (IOCB_FLAG_RESFD), and the engine adds 1 per completion it makes in user space, so the
 * counter counts completions. It is also the engine's one wait point: the reaper waits for it
 * with ppoll, and {@link #wakeup()} writes it.
 *
 * <p>The submitter's own completions (inline reads, memory-backed I/O) are written lazily: a
 * write(2) per submit call cost as much as the I/O itself (seed 003). Until the descriptor is
 * {@linkplain #expose() handed to a caller}, they are counted in {@code owed} and written only
 * when a reaper waits (or is about to); from then on every count is written at once, so a
 * caller's event loop sees every completion, including those owed at the moment of exposure.
 *
 * <p>Buffers are per role so that no call allocates: the submitter's ({@link #signal}), the
 * reaper's ({@link #clear}, {@link #await}), and a shared read-only 1 for workers and wakeups.
 */
final class CompletionEventFd {
    private final int fd;
    private final MemorySegment submitterCount;
    private final MemorySegment one;
    private final MemorySegment reaperCount;
    private final MemorySegment pollfd;
    private final MemorySegment timeout;
    private volatile boolean waiting;
    private volatile boolean wakeRequested;
    private volatile boolean closed;
    /** Whether a caller has the descriptor: then nothing is owed, every count is written at once. */
    private volatile boolean exposed;
    /** Submitter completions counted but not yet written to the eventfd. */
    private final AtomicLong owed = new AtomicLong();

    /**
     * Creates the eventfd; its memory comes from {@code arena}, which must outlive it.
     *
     * @throws IOException if eventfd(2) fails (EMFILE...)
     */
    CompletionEventFd(Arena arena) throws IOException {
        int r = LibC.eventfd(0, LibC.EFD_NONBLOCK | LibC.EFD_CLOEXEC);
        if (r < 0) {
            throw IoErrors.forResult(r, "eventfd", -1, -1, -1);
        }
        fd = r;
        // one allocation for the five buffers, 8-byte aligned pieces of one block: every context
        // opens one of these, and an arena allocation costs more than the few bytes it holds
        long pollfdAt = 24;
        long timeoutAt = pollfdAt + align8(Ppoll.POLLFD.byteSize());
        MemorySegment block = arena.allocate(timeoutAt + KernelTimespec.LAYOUT.byteSize(), 8);
        submitterCount = block.asSlice(0, 8);
        one = block.asSlice(8, 8);
        one.set(ValueLayout.JAVA_LONG, 0, 1L);
        reaperCount = block.asSlice(16, 8);
        pollfd = block.asSlice(pollfdAt, Ppoll.POLLFD.byteSize());
        timeout = block.asSlice(timeoutAt, KernelTimespec.LAYOUT.byteSize());
    }

    int fd() {
        return fd;
    }

    private static long align8(long n) {
        return (n + 7) & ~7L;
    }

    /**
     * The descriptor for a caller's own event loop: from now on every completion is written to
     * it, and those owed so far are written first. Any thread.
     */
    int expose() {
        if (!exposed) {
            exposed = true;
            // volatile store, then the owed count: a submitter that added after this sees exposed
            long k = owed.getAndSet(0);
            if (k > 0) {
                try (Arena a = Arena.ofConfined()) {
                    MemorySegment count = a.allocate(ValueLayout.JAVA_LONG);
                    count.set(ValueLayout.JAVA_LONG, 0, k);
                    LibC.write(fd, count, 8);
                }
            }
        }
        return fd;
    }

    /**
     * Adds {@code n} completions; the submitter's thread only (or close). Written now if the
     * descriptor is exposed or a reaper waits, else owed (see the class comment).
     */
    void signal(long n) {
        if (n <= 0) {
            return;
        }
        // getAndAdd is a full fence: the completions pushed before it are visible to a reaper
        // that sees owed > 0, and the reads of exposed and waiting below come after it (Dekker
        // with await(), which stores waiting and then reads owed)
        owed.getAndAdd(n);
        if (exposed || waiting) {
            long k = owed.getAndSet(0);
            if (k > 0) {
                submitterCount.set(ValueLayout.JAVA_LONG, 0, k);
                LibC.write(fd, submitterCount, 8);
            }
        }
    }

    /** Adds one completion; any thread. */
    void signalOne() {
        LibC.write(fd, one, 8);
    }

    /**
     * Resets the counter to 0 (reads it), and what is owed; the reaper only, before it looks at
     * the completions again (so what it clears, it will see).
     */
    void clear() {
        owed.set(0);
        LibC.read(fd, reaperCount, 8); // -EAGAIN when already 0: nothing to clear
    }

    /**
     * Makes the current or next {@link #await} return promptly; any thread. Sticky: the request
     * stays until a waiting reaper takes it with {@link #takeWakeup()}.
     */
    void wakeup() {
        wakeRequested = true;
        // Dekker with await(): either the reaper sees wakeRequested before it sleeps, or we see
        // waiting and make the eventfd readable
        if (waiting && !closed) {
            signalOne();
        }
    }

    /** Whether a wakeup was requested; clears the request. The reaper only. */
    boolean takeWakeup() {
        if (wakeRequested) {
            wakeRequested = false;
            return true;
        }
        return false;
    }

    /**
     * Waits until the counter is non-zero, a wakeup is requested, or {@code timeoutNanos} pass
     * ({@code < 0}: no limit). The reaper only; may return early (signals).
     */
    void await(long timeoutNanos) {
        waiting = true;
        try {
            // volatile store, then volatile reads: a submitter that owes a count either sees
            // waiting (and writes it) or we see it owed here and do not sleep
            if (wakeRequested || owed.get() > 0) {
                owed.set(0);
                return;
            }
            Ppoll.pollfd(pollfd, fd, Ppoll.POLLIN);
            MemorySegment ts = MemorySegment.NULL;
            if (timeoutNanos >= 0) {
                KernelTimespec.setNanos(timeout, timeoutNanos);
                ts = timeout;
            }
            Ppoll.ppoll(pollfd, 1, ts);
        } finally {
            waiting = false;
        }
    }

    /** Closes the descriptor; once, at the end of the context's close. */
    void close() {
        closed = true;
        LibC.close(fd);
    }
}
