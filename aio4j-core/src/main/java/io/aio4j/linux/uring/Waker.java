package io.aio4j.linux.uring;

import io.aio4j.linux.abi.IoUringSqe;
import io.aio4j.linux.abi.IoUringSys;
import java.io.IOException;

/**
 * Posts a CQE into another ring with IORING_OP_MSG_RING (5.18), from a small ring of its own.
 *
 * <p>Why this design for {@code wakeup()}: a reaper blocked in io_uring_enter(GETEVENTS) returns
 * as soon as a CQE lands in its ring. MSG_RING puts one there without touching the target's SQ
 * ring, so {@code wakeup()} may run on any thread while the target's submitter and reaper work,
 * with no lock on their hot paths. (An eventfd watched by a POLL_ADD would need the target's SQ
 * ring, hence a lock shared with submit.) One waker serves the whole process; its own SQ/CQ are
 * guarded by its monitor, and wakeups are rare (close, coalesced by the caller).
 */
final class Waker {
    private final Ring ring;

    private Waker(Ring ring) {
        this.ring = ring;
    }

    /** A waker, or null if this kernel lacks MSG_RING or refuses the ring. */
    static Waker create(Capabilities caps) {
        if (!caps.supports(IoUringSys.IORING_OP_MSG_RING)) {
            return null;
        }
        try {
            return new Waker(Ring.open(2, 0, 0, 0));
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Posts a CQE with {@code userData} and res 0 into the ring {@code targetFd}. The caller keeps
     * {@code targetFd} open for the duration of the call.
     *
     * @return 0, or -errno if the message could not be posted
     */
    synchronized int post(int targetFd, long userData) {
        SubmissionQueue sq = ring.sq();
        if (sq.space() == 0) {
            return -io.aio4j.Errno.EAGAIN;
        }
        long at = sq.next();
        var s = sq.sqes();
        IoUringSqe.opcode(s, at, IoUringSys.IORING_OP_MSG_RING);
        IoUringSqe.fd(s, at, targetFd);
        IoUringSqe.addr(s, at, IoUringSys.IORING_MSG_DATA);
        IoUringSqe.len(s, at, 0);
        IoUringSqe.off(s, at, userData);
        IoUringSqe.userData(s, at, userData);
        sq.publish();
        int r;
        do {
            r = ring.enter(sq.unconsumed(), 1, IoUringSys.IORING_ENTER_GETEVENTS);
        } while (r == -io.aio4j.Errno.EINTR);
        int[] res = {r < 0 ? r : 0};
        while (ring.cq().ready() == 0 && r >= 0) {
            r = ring.enter(0, 1, IoUringSys.IORING_ENTER_GETEVENTS);
        }
        ring.cq().reap((ud, result, flags) -> {
            res[0] = result;
            return 1;
        }, Integer.MAX_VALUE);
        return res[0];
    }
}
