package io.aio4j.linux.uring;

import static io.aio4j.linux.abi.IoUringSys.IORING_SETUP_COOP_TASKRUN;
import static io.aio4j.linux.abi.IoUringSys.IORING_SETUP_CQSIZE;
import static io.aio4j.linux.abi.IoUringSys.IORING_SETUP_DEFER_TASKRUN;
import static io.aio4j.linux.abi.IoUringSys.IORING_SETUP_IOPOLL;
import static io.aio4j.linux.abi.IoUringSys.IORING_SETUP_R_DISABLED;
import static io.aio4j.linux.abi.IoUringSys.IORING_SETUP_SINGLE_ISSUER;
import static io.aio4j.linux.abi.IoUringSys.IORING_SETUP_SQPOLL;
import static io.aio4j.linux.abi.IoUringSys.IORING_SETUP_SUBMIT_ALL;
import static io.aio4j.linux.abi.IoUringSys.IORING_SETUP_TASKRUN_FLAG;

import io.aio4j.ContextOptions;
import io.aio4j.Errno;
import io.aio4j.ErrnoException;
import io.aio4j.SetupFlag;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps aio4j's setup flags to io_uring's and opens the ring, stepping down when an older kernel
 * refuses a flag with EINVAL, and saying so in the downgrades:
 * <ul>
 * <li>SQ_THREAD: SQPOLL with {@code sqThreadIdleMillis}; IOPOLL: IOPOLL; cqEntries: CQSIZE.
 * <li>SINGLE_ISSUER: SINGLE_ISSUER | DEFER_TASKRUN | TASKRUN_FLAG (6.1), else SINGLE_ISSUER |
 *     COOP_TASKRUN | TASKRUN_FLAG (6.0), else COOP_TASKRUN | TASKRUN_FLAG (5.19), else nothing.
 *     The ring starts disabled and is enabled by the first thread that submits, which
 *     becomes the issuer (the kernel binds SINGLE_ISSUER to the enabling task).
 * <li>SUBMIT_ALL (5.18) is always asked for, so one failing SQE does not hold back the rest.
 * </ul>
 */
final class SetupPlan {
    private static final int[] ISSUER_STEPS = {
        IORING_SETUP_SINGLE_ISSUER | IORING_SETUP_DEFER_TASKRUN | IORING_SETUP_TASKRUN_FLAG | IORING_SETUP_R_DISABLED,
        IORING_SETUP_SINGLE_ISSUER | IORING_SETUP_COOP_TASKRUN | IORING_SETUP_TASKRUN_FLAG | IORING_SETUP_R_DISABLED,
        IORING_SETUP_COOP_TASKRUN | IORING_SETUP_TASKRUN_FLAG,
        0,
    };
    private static final String[] ISSUER_DOWNGRADES = {
        null,
        "SINGLE_ISSUER: DEFER_TASKRUN refused by this kernel (6.1+); using SINGLE_ISSUER|COOP_TASKRUN",
        "SINGLE_ISSUER: refused by this kernel (6.0+); using COOP_TASKRUN only",
        "SINGLE_ISSUER: SINGLE_ISSUER and COOP_TASKRUN refused by this kernel; using default task running",
    };

    private SetupPlan() {
    }

    /** An opened ring and what it could not honour. */
    record Opened(Ring ring, List<String> downgrades) {
    }

    static Opened open(int entries, ContextOptions options) throws IOException {
        int base = 0;
        int cq = 0;
        if (options.has(SetupFlag.SQ_THREAD)) {
            base |= IORING_SETUP_SQPOLL;
        }
        if (options.has(SetupFlag.IOPOLL)) {
            base |= IORING_SETUP_IOPOLL;
        }
        if (options.cqEntries() != 0) {
            base |= IORING_SETUP_CQSIZE;
            cq = options.cqEntries();
        }
        int steps = options.has(SetupFlag.SINGLE_ISSUER) ? ISSUER_STEPS.length : 1;
        IOException last = null;
        for (int i = options.has(SetupFlag.SINGLE_ISSUER) ? 0 : ISSUER_STEPS.length - 1; i < ISSUER_STEPS.length; i++) {
            for (int submitAll : new int[] {IORING_SETUP_SUBMIT_ALL, 0}) {
                int flags = base | ISSUER_STEPS[i] | submitAll;
                try {
                    Ring ring = Ring.open(entries, flags, cq, options.sqThreadIdleMillis());
                    List<String> d = new ArrayList<>();
                    if (steps > 1 && ISSUER_DOWNGRADES[i] != null) {
                        d.add(ISSUER_DOWNGRADES[i]);
                    }
                    return new Opened(ring, d);
                } catch (ErrnoException e) {
                    if (e.errno() != Errno.EINVAL) {
                        throw e;
                    }
                    last = e;
                }
            }
        }
        throw last;
    }
}
