package io.aio4j.linux.aio;

import io.aio4j.IoRequest;
import io.aio4j.Op;
import io.aio4j.linux.abi.Iocb;
import io.aio4j.linux.abi.Iovec;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * The native memory of a context's request slots, allocated once: a 64-byte iocb per slot, the
 * iocb-pointer array handed to io_submit, and a per-slot iovec array that grows on demand (to the
 * largest segment count the slot has seen) and is reused, so steady-state requests allocate
 * nothing.
 *
 * <p>A slot's memory is written by the submitter before the request is handed on (to the kernel,
 * which copies the iocb and the iovecs inside io_submit, or to a worker, which reads them after
 * claiming the slot) and not touched again until the slot's completion is delivered.
 */
final class SlotMemory {
    private final Arena arena;
    private final MemorySegment[] iocbs;
    private final MemorySegment[] iovecs;
    private final MemorySegment pointers;

    /** Allocates the memory of {@code entries} slots from {@code arena}, which must outlive it. */
    SlotMemory(Arena arena, int entries) {
        this.arena = arena;
        // one allocation: the iocbs (64-byte aligned), then the iovecs, then the pointer array
        long iocbBytes = Iocb.SIZE * entries;
        long vecBytes = Iovec.SIZE * entries;
        long pointerBytes = ValueLayout.ADDRESS.byteSize() * entries;
        MemorySegment block = arena.allocate(iocbBytes + vecBytes + pointerBytes, 64);
        MemorySegment all = block.asSlice(0, iocbBytes);
        MemorySegment vecs = block.asSlice(iocbBytes, vecBytes);
        iocbs = new MemorySegment[entries];
        iovecs = new MemorySegment[entries];
        for (int i = 0; i < entries; i++) {
            iocbs[i] = all.asSlice(i * Iocb.SIZE, Iocb.SIZE);
            iovecs[i] = vecs.asSlice(i * Iovec.SIZE, Iovec.SIZE);
        }
        pointers = block.asSlice(iocbBytes + vecBytes, pointerBytes);
    }

    /** The slot's iocb. */
    MemorySegment iocb(int slot) {
        return iocbs[slot];
    }

    /** The iocb-pointer array for io_submit. */
    MemorySegment pointers() {
        return pointers;
    }

    /** Sets entry {@code i} of the pointer array to the slot's iocb. */
    void point(int i, int slot) {
        pointers.setAtIndex(ValueLayout.JAVA_LONG, i, iocbs[slot].address());
    }

    /**
     * Describes the request's memory in the slot's iovec array: its segments for PREADV/PWRITEV,
     * else its one buffer of {@code length()} bytes. Returns the array; its entry count is
     * {@link #iovCount(IoRequest)}.
     */
    MemorySegment iovec(int slot, IoRequest r) {
        MemorySegment v = iovecRoom(slot, r);
        Op op = r.op();
        if (op == Op.PREADV || op == Op.PWRITEV) {
            for (int i = 0, n = r.segmentCount(); i < n; i++) {
                MemorySegment s = r.segment(i);
                Iovec.set(v, i, s.address(), s.byteSize());
            }
        } else {
            Iovec.set(v, 0, r.buffer().address(), r.length());
        }
        return v;
    }

    /**
     * The slot's iovec array with room for the request's entries ({@link #iovCount}), grown if
     * needed but not filled: for {@code SyncIo.run}, which fills what its call needs (nothing
     * for a plain pread or pwrite, the common case of user-space I/O).
     */
    MemorySegment iovecRoom(int slot, IoRequest r) {
        MemorySegment v = iovecs[slot];
        int n = iovCount(r);
        if (v.byteSize() < n * Iovec.SIZE) {
            v = arena.allocate(Iovec.SIZE * Math.max(n, 2 * v.byteSize() / Iovec.SIZE), 16);
            iovecs[slot] = v;
        }
        return v;
    }

    /** The slot's iovec array (for the worker that runs the slot, through {@code SyncIo.run}). */
    MemorySegment iovecOf(int slot) {
        return iovecs[slot];
    }

    /** The iovec count of a read or write. */
    static int iovCount(IoRequest r) {
        Op op = r.op();
        return op == Op.PREADV || op == Op.PWRITEV ? r.segmentCount() : 1;
    }

    /**
     * Fills the slot's iocb for the request: PREAD/PWRITE (READ_FIXED/WRITE_FIXED run as these),
     * PREADV/PWRITEV, FSYNC, FDSYNC, with IOCB_FLAG_RESFD and the request's RWF flags.
     */
    void prepareIocb(int slot, IoRequest r, int eventFd) {
        MemorySegment iocb = iocbs[slot];
        int fd = r.file().fd();
        long tag = r.tag();
        switch (r.op()) {
            case PREAD, READ_FIXED -> Iocb.set(iocb, tag, Iocb.IOCB_CMD_PREAD, r.rwFlags(), fd,
                    r.buffer().address(), r.length(), r.offset(), Iocb.IOCB_FLAG_RESFD, eventFd);
            case PWRITE, WRITE_FIXED -> Iocb.set(iocb, tag, Iocb.IOCB_CMD_PWRITE, r.rwFlags(), fd,
                    r.buffer().address(), r.length(), r.offset(), Iocb.IOCB_FLAG_RESFD, eventFd);
            case PREADV -> Iocb.set(iocb, tag, Iocb.IOCB_CMD_PREADV, r.rwFlags(), fd,
                    iovec(slot, r).address(), r.segmentCount(), r.offset(), Iocb.IOCB_FLAG_RESFD, eventFd);
            case PWRITEV -> Iocb.set(iocb, tag, Iocb.IOCB_CMD_PWRITEV, r.rwFlags(), fd,
                    iovec(slot, r).address(), r.segmentCount(), r.offset(), Iocb.IOCB_FLAG_RESFD, eventFd);
            // buf, nbytes, offset and rw_flags must be 0 for FSYNC/FDSYNC, else io_submit: EINVAL
            case FSYNC -> Iocb.set(iocb, tag, Iocb.IOCB_CMD_FSYNC, 0, fd, 0, 0, 0, Iocb.IOCB_FLAG_RESFD, eventFd);
            case FDSYNC -> Iocb.set(iocb, tag, Iocb.IOCB_CMD_FDSYNC, 0, fd, 0, 0, 0, Iocb.IOCB_FLAG_RESFD, eventFd);
            default -> throw new IllegalArgumentException("op=" + r.op() + " has no Linux AIO opcode");
        }
    }
}
