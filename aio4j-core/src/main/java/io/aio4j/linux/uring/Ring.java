package io.aio4j.linux.uring;

import io.aio4j.IoErrors;
import io.aio4j.linux.abi.IoUringCqe;
import io.aio4j.linux.abi.IoUringParams;
import io.aio4j.linux.abi.IoUringSqe;
import io.aio4j.linux.abi.IoUringSys;
import io.aio4j.linux.abi.LibC;
import io.aio4j.linux.abi.MappedMemory;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * One io_uring instance: the ring fd and its three regions (SQ ring, CQ ring, SQE array), mapped
 * once at setup (a single mapping for both rings where the kernel offers FEAT_SINGLE_MMAP) and
 * unmapped by {@link #close()}. The queues are single-producer / single-consumer on the user side:
 * the owner serialises {@link SubmissionQueue} use and {@link CompletionQueue} use separately.
 */
public final class Ring implements AutoCloseable {
    private final int fd;
    private final int setupFlags;
    private final int features;
    private final SubmissionQueue sq;
    private final CompletionQueue cq;
    private final long sqRingAddr;
    private final long sqRingSize;
    private final long cqRingAddr;
    private final long cqRingSize;
    private final long sqesAddr;
    private final long sqesSize;
    private boolean closed;

    private Ring(int fd, MemorySegment params, long sqRingAddr, long sqRingSize, long cqRingAddr, long cqRingSize,
            long sqesAddr, long sqesSize) {
        this.fd = fd;
        this.setupFlags = IoUringParams.flags(params);
        this.features = IoUringParams.features(params);
        this.sqRingAddr = sqRingAddr;
        this.sqRingSize = sqRingSize;
        this.cqRingAddr = cqRingAddr;
        this.cqRingSize = cqRingSize;
        this.sqesAddr = sqesAddr;
        this.sqesSize = sqesSize;
        MemorySegment sqRing = MappedMemory.segment(sqRingAddr, sqRingSize);
        MemorySegment cqRing = cqRingAddr == sqRingAddr ? sqRing : MappedMemory.segment(cqRingAddr, cqRingSize);
        MemorySegment sqes = MappedMemory.segment(sqesAddr, sqesSize);
        this.sq = new SubmissionQueue(sqRing, sqes, params);
        this.cq = new CompletionQueue(cqRing, params);
    }

    /**
     * io_uring_setup and mmap.
     *
     * @param entries SQ entries (1..32768; the kernel rounds up to a power of two)
     * @param flags IORING_SETUP_* flags
     * @param cqEntries the CQ size when {@code flags} has IORING_SETUP_CQSIZE, else ignored
     * @param sqThreadIdleMillis the SQPOLL idle time when {@code flags} has IORING_SETUP_SQPOLL
     * @throws IOException naming the call and the errno when the kernel refuses
     */
    public static Ring open(int entries, int flags, int cqEntries, int sqThreadIdleMillis) throws IOException {
        int r;
        MemorySegment params;
        Arena arena = Arena.ofConfined();
        try (arena) {
            params = arena.allocate(IoUringParams.LAYOUT);
            IoUringParams.flags(params, flags);
            IoUringParams.cqEntries(params, cqEntries);
            IoUringParams.sqThreadIdle(params, sqThreadIdleMillis);
            r = IoUringSys.setup(entries, params);
            if (r < 0) {
                throw IoErrors.forResult(r, "io_uring_setup(entries=" + entries + ", flags=0x" + Integer.toHexString(flags) + ")",
                        -1, -1, -1);
            }
            return map(r, params);
        }
    }

    private static Ring map(int fd, MemorySegment params) throws IOException {
        int sqEntries = IoUringParams.sqEntries(params);
        int cqEntries = IoUringParams.cqEntries(params);
        long sqSize = IoUringParams.sqOff(params, "array") + 4L * sqEntries;
        long cqSize = IoUringParams.cqOff(params, "cqes") + IoUringCqe.SIZE * cqEntries;
        boolean single = (IoUringParams.features(params) & IoUringSys.IORING_FEAT_SINGLE_MMAP) != 0;
        if (single) {
            sqSize = cqSize = Math.max(sqSize, cqSize);
        }
        int prot = LibC.PROT_READ | LibC.PROT_WRITE;
        int mflags = LibC.MAP_SHARED | LibC.MAP_POPULATE;
        long sqAddr = LibC.mmap(0, sqSize, prot, mflags, fd, IoUringSys.IORING_OFF_SQ_RING);
        long cqAddr = sqAddr;
        long sqesSize = IoUringSqe.SIZE * sqEntries;
        long sqesAddr = -1;
        if (sqAddr >= 0 && !single) {
            cqAddr = LibC.mmap(0, cqSize, prot, mflags, fd, IoUringSys.IORING_OFF_CQ_RING);
        }
        if (sqAddr >= 0 && cqAddr >= 0) {
            sqesAddr = LibC.mmap(0, sqesSize, prot, mflags, fd, IoUringSys.IORING_OFF_SQES);
        }
        if (sqAddr < 0 || cqAddr < 0 || sqesAddr < 0) {
            long err = sqAddr < 0 ? sqAddr : cqAddr < 0 ? cqAddr : sqesAddr;
            if (sqAddr >= 0) {
                LibC.munmap(sqAddr, sqSize);
            }
            if (cqAddr >= 0 && cqAddr != sqAddr) {
                LibC.munmap(cqAddr, cqSize);
            }
            LibC.close(fd);
            throw IoErrors.forResult(err, "mmap(io_uring rings)", fd, -1, -1);
        }
        return new Ring(fd, params, sqAddr, sqSize, cqAddr, cqSize, sqesAddr, sqesSize);
    }

    /** The ring file descriptor. */
    public int fd() {
        return fd;
    }

    /** The IORING_SETUP_* flags in effect. */
    public int setupFlags() {
        return setupFlags;
    }

    /** The IORING_FEAT_* bits the kernel reported. */
    public int features() {
        return features;
    }

    /** The submission queue (one producer at a time). */
    public SubmissionQueue sq() {
        return sq;
    }

    /** The completion queue (one consumer at a time). */
    public CompletionQueue cq() {
        return cq;
    }

    /** io_uring_enter without an argument: consumed SQEs or -errno. */
    public int enter(int toSubmit, int minComplete, int flags) {
        return IoUringSys.enter(fd, toSubmit, minComplete, flags, 0, 0);
    }

    /** io_uring_enter with IORING_ENTER_EXT_ARG and an {@code io_uring_getevents_arg} at {@code arg}. */
    public int enterExt(int toSubmit, int minComplete, int flags, MemorySegment arg) {
        return IoUringSys.enter(fd, toSubmit, minComplete, flags | IoUringSys.IORING_ENTER_EXT_ARG, arg.address(),
                arg.byteSize());
    }

    /** io_uring_register: >= 0 or -errno. */
    public int register(int opcode, long arg, int nrArgs) {
        return IoUringSys.register(fd, opcode, arg, nrArgs);
    }

    /** Unmaps the rings and closes the fd; the kernel then tears the instance down. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        LibC.munmap(sqesAddr, sqesSize);
        if (cqRingAddr != sqRingAddr) {
            LibC.munmap(cqRingAddr, cqRingSize);
        }
        LibC.munmap(sqRingAddr, sqRingSize);
        LibC.close(fd);
    }
}
