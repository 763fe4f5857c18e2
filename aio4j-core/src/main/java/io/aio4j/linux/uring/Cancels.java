package io.aio4j.linux.uring;

import io.aio4j.Errno;
import io.aio4j.linux.abi.IoUringSyncCancelReg;
import io.aio4j.linux.abi.IoUringSys;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * Cancellation by user_data with IORING_REGISTER_SYNC_CANCEL (6.0), which answers synchronously:
 * 0 when the request was found and will complete with -ECANCELED, -ENOENT when it is not in the
 * kernel any more (finished, its CQE maybe not reaped yet), -EALREADY when it is running and
 * cannot be stopped. The timeout is zero, so a running request is not waited for (the kernel
 * answers -ETIME, reported as -EALREADY). Used by the submitter (cancel is serialised with
 * submit) and by close.
 */
final class Cancels {
    private final Ring ring;
    private final boolean supported;
    private final MemorySegment reg;

    Cancels(Ring ring, Capabilities caps, Arena arena) {
        this.ring = ring;
        this.supported = caps.syncCancel();
        this.reg = arena.allocate(IoUringSyncCancelReg.LAYOUT);
    }

    /** Cancels the request with this user_data: 0, -ENOENT, -EALREADY, or -EINVAL when this kernel cannot. */
    int cancel(long userData) {
        if (!supported) {
            return -Errno.EINVAL;
        }
        IoUringSyncCancelReg.set(reg, userData, 0, 0);
        int r;
        do {
            r = ring.register(IoUringSys.IORING_REGISTER_SYNC_CANCEL, reg.address(), 1);
        } while (r == -Errno.EINTR);
        return switch (-r) {
            case 0 -> 0;
            case Errno.ENOENT -> -Errno.ENOENT;
            case Errno.EALREADY, Errno.ETIME -> -Errno.EALREADY;
            default -> -Errno.EINVAL; // e.g. EEXIST: called from a thread other than a SINGLE_ISSUER ring's issuer
        };
    }
}
