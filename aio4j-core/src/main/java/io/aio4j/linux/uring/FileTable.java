package io.aio4j.linux.uring;

import io.aio4j.Errno;
import io.aio4j.linux.abi.IoUringRsrcUpdate;
import io.aio4j.linux.abi.IoUringSys;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * The ring's registered-file table (IORING_REGISTER_FILES, sparse): each file a context opens
 * takes a slot, so its requests carry IOSQE_FIXED_FILE and the kernel skips the per-request file
 * lookup and reference count. A file that cannot be registered (table full, or a SINGLE_ISSUER
 * ring used from another thread: -EEXIST) simply uses its descriptor. Thread-safe (open and close
 * are not on the hot path); after {@link #close()} nothing reaches the ring fd any more, which
 * may by then be a different file.
 */
final class FileTable {
    static final int SLOTS = 256;

    private final Ring ring;
    private final boolean[] used = new boolean[SLOTS];
    private boolean registered;
    private boolean closed;

    FileTable(Ring ring) {
        this.ring = ring;
        try (Arena a = Arena.ofConfined()) {
            MemorySegment fds = a.allocate(ValueLayout.JAVA_INT, SLOTS);
            fds.fill((byte) 0xff); // -1: an empty slot
            registered = ring.register(IoUringSys.IORING_REGISTER_FILES, fds.address(), SLOTS) >= 0;
        }
    }

    /** Registers {@code fd}; returns its slot, or -1 when it must be used by descriptor. */
    synchronized int add(int fd) {
        if (!registered || closed) {
            return -1;
        }
        for (int i = 0; i < SLOTS; i++) {
            if (!used[i]) {
                if (update(i, fd) < 0) {
                    return -1;
                }
                used[i] = true;
                return i;
            }
        }
        return -1;
    }

    /** Empties a slot before its descriptor is closed. */
    synchronized void remove(int slot) {
        if (closed || slot < 0) {
            return;
        }
        if (update(slot, -1) >= 0) {
            used[slot] = false;
        } // else the kernel still holds the file until the ring closes; the slot stays taken
    }

    synchronized void close() {
        closed = true;
    }

    private int update(int slot, int fd) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment fds = a.allocate(ValueLayout.JAVA_INT);
            fds.set(ValueLayout.JAVA_INT, 0, fd);
            MemorySegment u = a.allocate(IoUringRsrcUpdate.LAYOUT);
            IoUringRsrcUpdate.set(u, slot, fds.address());
            int r;
            do {
                r = ring.register(IoUringSys.IORING_REGISTER_FILES_UPDATE, u.address(), 1);
            } while (r == -Errno.EINTR);
            return r == 1 ? 0 : Math.min(r, -Errno.EIO);
        }
    }
}
