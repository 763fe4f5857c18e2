package io.aio4j.internal.pool;

import io.aio4j.linux.abi.Iovec;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * Native iovec arrays, one per request slot, allocated on first need and grown to the largest
 * segment count seen (up to IOV_MAX), so steady-state vectored I/O allocates nothing. Freed at close.
 */
final class Iovecs {
    /** Made on the first vectored request: closing a shared arena is a handshake with every thread, so contexts that never need one skip it. */
    private Arena arena;
    private final Scratch[] bySlot;

    Iovecs(int capacity) {
        bySlot = new Scratch[capacity];
    }

    /**
     * The scratch of a slot, made on first use. Called by the submitter (serialised by the core)
     * before it hands the request to the thread that performs it, so the hand-off publishes it.
     */
    Scratch of(int slot) {
        Scratch s = bySlot[slot];
        if (s == null) {
            s = new Scratch();
            bySlot[slot] = s;
        }
        return s;
    }

    synchronized void close() {
        if (arena != null) {
            arena.close();
        }
    }

    /** A growable native iovec array. */
    final class Scratch {
        private MemorySegment array = MemorySegment.NULL;

        MemorySegment ensure(int count) {
            long need = Math.max(1, count) * Iovec.SIZE;
            if (array.byteSize() < need) {
                synchronized (Iovecs.this) {
                    if (arena == null) {
                        arena = Arena.ofShared();
                    }
                    array = arena.allocate(Math.max(need, 4 * Iovec.SIZE), 8);
                }
            }
            return array;
        }
    }
}
