package io.aio4j.linux.uring;

import static io.aio4j.linux.abi.IoUringSys.IORING_ENTER_GETEVENTS;
import static io.aio4j.linux.abi.IoUringSys.IORING_SETUP_IOPOLL;
import static io.aio4j.linux.abi.IoUringSys.IORING_SETUP_SQPOLL;
import static io.aio4j.linux.abi.IoUringSys.IORING_SQ_CQ_OVERFLOW;
import static io.aio4j.linux.abi.IoUringSys.IORING_SQ_TASKRUN;

import io.aio4j.Errno;
import io.aio4j.linux.abi.IoUringGeteventsArg;
import io.aio4j.linux.abi.KernelTimespec;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The reaper's io_uring_enter calls: only when the CQ cannot show what the kernel holds
 * (an overflow list to flush, deferred task work, IOPOLL, leftover SQEs), and waits with an
 * EXT_ARG timeout and no allocation (the argument and timespec are preallocated). Reaper-only.
 */
final class KernelWaits {
    /** Wait slice when wakeups are not prompt (no MSG_RING): they are seen between slices. */
    static final long FALLBACK_SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private final Ring ring;
    private final SubmissionQueue sq;
    private final boolean sqpoll;
    private final boolean iopoll;
    private final boolean promptWakeups;
    private final MemorySegment arg;
    private final MemorySegment ts;

    KernelWaits(Ring ring, boolean promptWakeups, Arena arena) {
        this.ring = ring;
        this.sq = ring.sq();
        this.sqpoll = (ring.setupFlags() & IORING_SETUP_SQPOLL) != 0;
        this.iopoll = (ring.setupFlags() & IORING_SETUP_IOPOLL) != 0;
        this.promptWakeups = promptWakeups;
        this.arg = arena.allocate(IoUringGeteventsArg.LAYOUT);
        this.ts = arena.allocate(KernelTimespec.LAYOUT);
    }

    /** Whether the kernel holds completions the CQ does not show yet (overflow list, task work, IOPOLL). */
    boolean needed() {
        return iopoll || sq.unconsumedPublished() > 0
                || (sq.loadAcquireFlags() & (IORING_SQ_CQ_OVERFLOW | IORING_SQ_TASKRUN)) != 0;
    }

    /** GETEVENTS with min 0: flushes the overflow list into the CQ, runs task work, polls (IOPOLL). */
    int enterNoWait() {
        return ring.enter(toSubmit(), 0, IORING_ENTER_GETEVENTS);
    }

    /**
     * Waits in the kernel for {@code need} CQEs or {@code timeoutNanos} ({@code < 0}: no limit).
     *
     * @param inRing requests in the ring: an IOPOLL ring is only polled when there are some
     * @return the io_uring_enter result (-ETIME, -EINTR: the caller loops)
     */
    int waitFor(int need, long timeoutNanos, long inRing) {
        if (iopoll) {
            // polls until one completes; EXT_ARG timeouts do not apply to IOPOLL
            return inRing > 0 ? ring.enter(toSubmit(), 1, IORING_ENTER_GETEVENTS) : 0;
        }
        long t = timeoutNanos;
        if (!promptWakeups && (t < 0 || t > FALLBACK_SLICE_NANOS)) {
            t = FALLBACK_SLICE_NANOS;
        }
        if (t < 0) {
            IoUringGeteventsArg.ts(arg, 0);
        } else {
            KernelTimespec.setNanos(ts, t);
            IoUringGeteventsArg.ts(arg, ts.address());
        }
        int r = ring.enterExt(toSubmit(), need, IORING_ENTER_GETEVENTS, arg);
        if (r == -Errno.EEXIST) {
            // SINGLE_ISSUER broken: only the issuer may wait on a DEFER_TASKRUN ring; do not spin
            LockSupport.parkNanos(this, FALLBACK_SLICE_NANOS);
        }
        return r;
    }

    /** SQEs a submit left published but unconsumed (EAGAIN/EBUSY), handed over with the wait. */
    private int toSubmit() {
        return sqpoll ? 0 : sq.unconsumedPublished();
    }
}
