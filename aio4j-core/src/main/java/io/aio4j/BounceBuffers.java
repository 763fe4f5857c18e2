package io.aio4j;

import io.aio4j.spi.Tags;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;

/**
 * Context-owned native copies of caller buffers the kernel must not be given: heap memory (it can
 * move) and memory of an arena the caller can close while the request is in flight
 * ({@code Arena.ofShared()}, {@code Arena.ofConfined()}, anything {@link ScopeKinds} does not know).
 * A write is copied in at submit, on the submitting thread; a read is copied back when its
 * completion is settled, on the reaping thread. Memory kept alive by reachability (global, auto,
 * direct ByteBuffers) passes untouched, zero copy; so does every native buffer when the context
 * was opened with {@link ContextOptions#callerKeepsArenasOpen()}.
 *
 * <p><b>Failures.</b> If the caller's memory cannot be reached at a copy (its arena was closed:
 * IllegalStateException; it is confined to another thread: WrongThreadException), the request
 * still completes, with {@code -EFAULT}: at submit nothing is transferred; at a read's
 * completion the data read is dropped. The kernel only ever touched the copy, so neither case
 * can corrupt memory.
 *
 * <p><b>Layout.</b> Each slot owns one buffer (grown in powers of two, a grown one's predecessor
 * freed at once unless it was the slot's first: no request of that slot is in flight then) and
 * caches the views it hands out, so a steady-state loop allocates nothing. A native caller
 * buffer's copy starts at the same offset within a 4 KiB page as the original, so O_DIRECT
 * alignment (at most 4 KiB) is unchanged; a heap buffer's copy starts page-aligned, and the heap
 * segments of a vectored request are packed one after another. {@link #prepare} runs under the context's submit lock, {@link #copyBack} under its
 * reap lock (or during close, holding both), so no lock of its own is needed; the memory is freed
 * when the context closes.
 */
final class BounceBuffers {
    private static final long PAGE = 4096;

    private final boolean callerKeepsArenasOpen;
    /** Where each slot's first copy buffer comes from; null until one is needed. */
    private Arena common;
    /** A slot's own arena once its buffer outgrew the first one (freed when it grows again). */
    private final Arena[] grownBySlot;
    private final MemorySegment[] baseBySlot;
    /** The last single-buffer view of each slot (the base from some page offset to its end). */
    private final MemorySegment[] viewBySlot;
    /** The last vector views of each slot. */
    private final MemorySegment[][] iovBySlot;
    private boolean closed;

    BounceBuffers(int capacity, boolean callerKeepsArenasOpen) {
        this.callerKeepsArenasOpen = callerKeepsArenasOpen;
        this.grownBySlot = new Arena[capacity];
        this.baseBySlot = new MemorySegment[capacity];
        this.viewBySlot = new MemorySegment[capacity];
        this.iovBySlot = new MemorySegment[capacity][];
    }

    /** Whether the engine must be given a copy of {@code s} instead of {@code s}. Allocates nothing. */
    boolean needsCopy(MemorySegment s) {
        return !s.isNative() || !(callerKeepsArenasOpen || ScopeKinds.keptAliveByReference(s));
    }

    /** Sets up the copy of a PREAD/PWRITE/PREADV/PWRITEV request that needs one. Returns 0 or an errno. */
    int prepare(IoRequest r) {
        Op op = r.op();
        if (op == Op.PREAD || op == Op.PWRITE) {
            MemorySegment b = r.callerBuffer();
            return needsCopy(b) ? prepareSingle(r, b, op == Op.PWRITE) : 0;
        }
        if (op == Op.PREADV || op == Op.PWRITEV) {
            int count = r.segmentCount();
            for (int i = 0; i < count; i++) {
                if (needsCopy(r.callerSegment(i))) {
                    return prepareVector(r, count, op == Op.PWRITEV);
                }
            }
        }
        return 0;
    }

    private int prepareSingle(IoRequest r, MemorySegment b, boolean write) {
        int slot = Tags.slot(r.tag);
        long at = pageOffset(b);
        long len = r.length();
        MemorySegment base = base(slot, at + len);
        if (base == null) {
            return Errno.ENOMEM;
        }
        MemorySegment v = viewBySlot[slot];
        if (v == null || v.address() != base.address() + at) {
            v = base.asSlice(at); // to the end of the base: engines transfer r.length() bytes of it
            viewBySlot[slot] = v;
        }
        if (write && !copy(b, 0, v, 0, len)) {
            return Errno.EFAULT;
        }
        r.bounce = v;
        return 0;
    }

    private int prepareVector(IoRequest r, int count, boolean write) {
        int slot = Tags.slot(r.tag);
        long end = 0;
        for (int i = 0; i < count; i++) {
            MemorySegment s = r.callerSegment(i);
            end = place(s, end) + s.byteSize();
        }
        MemorySegment base = base(slot, end);
        if (base == null) {
            return Errno.ENOMEM;
        }
        MemorySegment[] iov = iovBySlot[slot];
        if (iov == null || iov.length < count) {
            iov = new MemorySegment[Math.max(count, iov == null ? 4 : Math.min(IoRequest.IOV_MAX, iov.length * 2))];
            iovBySlot[slot] = iov;
        }
        end = 0;
        for (int i = 0; i < count; i++) {
            MemorySegment s = r.callerSegment(i);
            long at = place(s, end);
            MemorySegment v = iov[i];
            if (v == null || v.address() != base.address() + at || v.byteSize() != s.byteSize()) {
                v = base.asSlice(at, s.byteSize());
                iov[i] = v;
            }
            if (write && !copy(s, 0, v, 0, s.byteSize())) {
                return Errno.EFAULT;
            }
            end = at + s.byteSize();
        }
        r.ioSegments = iov;
        return 0;
    }

    /**
     * Where a copy of {@code s} goes at or after {@code end}: a native segment's copy at its page
     * offset (up to 4 KiB - 1 of padding), a heap segment's right at {@code end} (packed).
     */
    private static long place(MemorySegment s, long end) {
        return s.isNative() ? end + ((s.address() - end) & (PAGE - 1)) : end;
    }

    private static long pageOffset(MemorySegment s) {
        return s.isNative() ? s.address() & (PAGE - 1) : 0;
    }

    /**
     * Copies the first {@code bytes} read back into the caller's buffers, then forgets the copy.
     *
     * @return {@code bytes}, or {@code -EFAULT} if the caller's memory is closed or confined to
     *     another thread (the data read is dropped)
     */
    long copyBack(IoRequest r, long bytes) {
        if (r.bounce != null) {
            return copy(r.bounce, 0, r.callerBuffer(), 0, Math.min(bytes, r.length())) ? bytes : -Errno.EFAULT;
        }
        long left = bytes;
        for (int i = 0; i < r.segmentCount() && left > 0; i++) {
            MemorySegment s = r.callerSegment(i);
            long n = Math.min(left, s.byteSize());
            if (!copy(r.ioSegments[i], 0, s, 0, n)) {
                return -Errno.EFAULT;
            }
            left -= n;
        }
        return bytes;
    }

    void discard(IoRequest r) {
        r.bounce = null;
        r.ioSegments = null;
    }

    /**
     * Copies, or returns false if either side cannot be accessed (closed arena, another thread's
     * confined arena). When another thread closes a shared arena during the copy, the JDK stops
     * the copy with an asynchronous exception (JDK-8310644), and installing it also sets this
     * thread's interrupt flag; that flag is not the caller's interrupt, so it is cleared again
     * unless the thread was already interrupted before the copy.
     */
    private static boolean copy(MemorySegment from, long fromAt, MemorySegment to, long toAt, long bytes) {
        boolean wasInterrupted = Thread.currentThread().isInterrupted();
        try {
            MemorySegment.copy(from, fromAt, to, toAt, bytes);
            return true;
        } catch (IllegalStateException | WrongThreadException e) {
            if (!wasInterrupted) {
                Thread.interrupted();
            }
            return false;
        }
    }

    /** Slot {@code slot}'s buffer of at least {@code size} bytes, page-aligned; null if out of memory. */
    private MemorySegment base(int slot, long size) {
        MemorySegment b = baseBySlot[slot];
        if (b != null && b.byteSize() >= size) {
            return b;
        }
        if (closed) {
            return null;
        }
        long want = Math.max(PAGE, Long.highestOneBit(Math.max(1, size - 1)) << 1);
        Arena grown = null;
        try {
            if (b == null) {
                // a slot's first buffer comes from one arena shared by all slots: closing an
                // arena costs a handshake with every thread, so one per slot would make close slow
                if (common == null) {
                    common = Arena.ofShared();
                }
                b = common.allocate(want, PAGE);
            } else {
                grown = Arena.ofShared();
                b = grown.allocate(want, PAGE);
            }
        } catch (OutOfMemoryError | IllegalArgumentException e) {
            if (grown != null) {
                grown.close();
            }
            return null;
        }
        if (grown != null) {
            closeQuietly(grownBySlot[slot]); // no request of this slot is in flight: its last one was settled
            grownBySlot[slot] = grown;
        }
        baseBySlot[slot] = b;
        viewBySlot[slot] = null;
        if (iovBySlot[slot] != null) {
            Arrays.fill(iovBySlot[slot], null);
        }
        return b;
    }

    private static void closeQuietly(Arena a) {
        if (a == null) {
            return;
        }
        try {
            a.close();
        } catch (IllegalStateException stillHeld) {
            // an engine thread is still in a downcall on it, which cannot be (engines complete
            // after the call returns); were it so, the old copy stays allocated: a leak, not a fault
        }
    }

    /** Frees every copy; called under the submit and reap locks once the engine has delivered every completion. */
    void close() {
        closed = true;
        for (int i = 0; i < grownBySlot.length; i++) {
            closeQuietly(grownBySlot[i]);
            grownBySlot[i] = null;
            baseBySlot[i] = null;
        }
        closeQuietly(common);
        common = null;
    }
}
