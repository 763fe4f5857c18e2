package io.aio4j.linux.uring;

import io.aio4j.linux.abi.IoUringSqe;
import io.aio4j.linux.abi.IoUringSys;
import java.lang.foreign.MemorySegment;

/**
 * io_uring operations beyond {@link io.aio4j.Op}: SQE preparers for openat, close, statx, timeout,
 * link timeout and async cancel, laid out as liburing's {@code io_uring_prep_*} lay them out. Each
 * writes a zeroed SQE (from {@link SubmissionQueue#next()}) of a {@link Ring} the caller owns.
 *
 * <p>Memory: {@code path} and {@code statxBuf} must be native and stay alive until the CQE
 * arrives; a timespec is read when the SQE is submitted. {@code sqeFlags} are IOSQE_* bits
 * (IO_LINK, IO_HARDLINK, IO_DRAIN). Results arrive in the CQE: a descriptor for openat, 0 or
 * {@code -errno} for the rest, {@code -ETIME} for an expired timeout.
 */
public final class UringOps {
    /** The directory fd meaning "relative to the working directory". */
    public static final int AT_FDCWD = -100;

    private UringOps() {
    }

    private static void common(MemorySegment sqes, long at, int opcode, int fd, int sqeFlags, long userData) {
        IoUringSqe.opcode(sqes, at, opcode);
        IoUringSqe.fd(sqes, at, fd);
        IoUringSqe.flags(sqes, at, sqeFlags);
        IoUringSqe.userData(sqes, at, userData);
    }

    /** openat(2) of a NUL-terminated {@code path}; the CQE carries the new fd or -errno. */
    public static void prepOpenat(MemorySegment sqes, long at, int dirfd, MemorySegment path, int openFlags, int mode,
            int sqeFlags, long userData) {
        common(sqes, at, IoUringSys.IORING_OP_OPENAT, dirfd, sqeFlags, userData);
        IoUringSqe.addr(sqes, at, path.address());
        IoUringSqe.len(sqes, at, mode);
        IoUringSqe.rwFlags(sqes, at, openFlags); // open_flags
    }

    /** close(2) of {@code fd}. */
    public static void prepClose(MemorySegment sqes, long at, int fd, int sqeFlags, long userData) {
        common(sqes, at, IoUringSys.IORING_OP_CLOSE, fd, sqeFlags, userData);
    }

    /** statx(2) into {@code statxBuf} ({@link io.aio4j.linux.abi.Statx#LAYOUT}). */
    public static void prepStatx(MemorySegment sqes, long at, int dirfd, MemorySegment path, int atFlags, int mask,
            MemorySegment statxBuf, int sqeFlags, long userData) {
        common(sqes, at, IoUringSys.IORING_OP_STATX, dirfd, sqeFlags, userData);
        IoUringSqe.addr(sqes, at, path.address());
        IoUringSqe.len(sqes, at, mask);
        IoUringSqe.off(sqes, at, statxBuf.address());
        IoUringSqe.rwFlags(sqes, at, atFlags); // statx_flags
    }

    /**
     * A timeout: completes with -ETIME when {@code ts} ({@link io.aio4j.linux.abi.KernelTimespec})
     * passes, or with 0 once {@code count} other completions have happened (0: time only).
     */
    public static void prepTimeout(MemorySegment sqes, long at, MemorySegment ts, int count, int timeoutFlags,
            int sqeFlags, long userData) {
        common(sqes, at, IoUringSys.IORING_OP_TIMEOUT, -1, sqeFlags, userData);
        IoUringSqe.addr(sqes, at, ts.address());
        IoUringSqe.len(sqes, at, 1);
        IoUringSqe.off(sqes, at, count);
        IoUringSqe.rwFlags(sqes, at, timeoutFlags); // timeout_flags
    }

    /**
     * A timeout for the request before it in the chain (which must carry IOSQE_IO_LINK): if
     * {@code ts} passes first, that request is cancelled and this completes with -ETIME.
     */
    public static void prepLinkTimeout(MemorySegment sqes, long at, MemorySegment ts, int timeoutFlags, long userData) {
        common(sqes, at, IoUringSys.IORING_OP_LINK_TIMEOUT, -1, 0, userData);
        IoUringSqe.addr(sqes, at, ts.address());
        IoUringSqe.len(sqes, at, 1);
        IoUringSqe.rwFlags(sqes, at, timeoutFlags);
    }

    /**
     * Cancels the request whose user_data is {@code target}: this CQE carries 0 (found), -ENOENT
     * or -EALREADY; the target's own CQE then carries -ECANCELED (or -EINTR).
     */
    public static void prepAsyncCancel(MemorySegment sqes, long at, long target, int cancelFlags, long userData) {
        common(sqes, at, IoUringSys.IORING_OP_ASYNC_CANCEL, -1, 0, userData);
        IoUringSqe.addr(sqes, at, target);
        IoUringSqe.rwFlags(sqes, at, cancelFlags); // cancel_flags
    }
}
