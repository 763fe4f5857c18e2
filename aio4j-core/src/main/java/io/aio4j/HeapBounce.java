package io.aio4j;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * Native copies of heap buffers. The kernel can only reach native memory, and heap memory can
 * move, so a request on heap memory transfers through a native buffer cached per slot: copied
 * in at submit for writes, copied back at completion for reads. Native buffers pass untouched
 * (the fast path). Memory is freed when the context closes.
 */
final class HeapBounce {
    private final MemorySegment[] bySlot;
    private Arena arena;

    HeapBounce(int capacity) {
        this.bySlot = new MemorySegment[capacity];
    }

    /** Sets up native copies for a request with heap buffers. Returns 0 or an errno. */
    int prepare(IoRequest r) {
        Op op = r.op();
        if (op == Op.PREAD || op == Op.PWRITE) {
            MemorySegment b = r.callerBuffer();
            if (b.isNative()) {
                return 0;
            }
            MemorySegment n = buffer(io.aio4j.spi.Tags.slot(r.tag), r.length());
            if (n == null) {
                return Errno.ENOMEM;
            }
            if (op == Op.PWRITE) {
                MemorySegment.copy(b, 0, n, 0, r.length());
            }
            r.bounce = n;
            return 0;
        }
        if (op == Op.PREADV || op == Op.PWRITEV) {
            int count = r.segmentCount();
            boolean allNative = true;
            for (int i = 0; i < count && allNative; i++) {
                allNative = r.callerSegment(i).isNative();
            }
            if (allNative) {
                return 0;
            }
            MemorySegment n = buffer(io.aio4j.spi.Tags.slot(r.tag), r.length());
            if (n == null) {
                return Errno.ENOMEM;
            }
            MemorySegment[] io = new MemorySegment[count];
            long at = 0;
            for (int i = 0; i < count; i++) {
                MemorySegment s = r.callerSegment(i);
                io[i] = n.asSlice(at, s.byteSize());
                if (op == Op.PWRITEV) {
                    MemorySegment.copy(s, 0, io[i], 0, s.byteSize());
                }
                at += s.byteSize();
            }
            r.ioSegments = io;
        }
        return 0;
    }

    /** Copies the first {@code bytes} read back into the caller's buffers. */
    void copyBack(IoRequest r, long bytes) {
        if (r.bounce != null) {
            MemorySegment.copy(r.bounce, 0, r.callerBuffer(), 0, Math.min(bytes, r.length()));
            return;
        }
        long left = bytes;
        for (int i = 0; i < r.segmentCount() && left > 0; i++) {
            MemorySegment s = r.callerSegment(i);
            long n = Math.min(left, s.byteSize());
            MemorySegment.copy(r.ioSegments[i], 0, s, 0, n);
            left -= n;
        }
    }

    void discard(IoRequest r) {
        r.bounce = null;
        r.ioSegments = null;
    }

    private synchronized MemorySegment buffer(int slot, long size) {
        MemorySegment b = bySlot[slot];
        if (b != null && b.byteSize() >= size) {
            return b.asSlice(0, size);
        }
        try {
            if (arena == null) {
                arena = Arena.ofShared();
            }
            b = arena.allocate(Math.max(size, 4096), 4096);
        } catch (OutOfMemoryError | IllegalStateException e) {
            return null;
        }
        bySlot[slot] = b;
        return b.asSlice(0, size);
    }

    synchronized void close() {
        if (arena != null) {
            arena.close();
            arena = null;
        }
    }
}
