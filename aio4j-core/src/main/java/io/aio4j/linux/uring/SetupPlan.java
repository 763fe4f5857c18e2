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
 * <li>SQPOLL gets an SQ ring of twice the context's capacity (see {@link #sqEntries}).
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

    /** IORING_MAX_ENTRIES: the largest SQ ring io_uring_setup accepts. */
    static final int MAX_SQ_ENTRIES = 32768;

    private SetupPlan() {
    }

    /**
     * The SQ ring size for a context of {@code capacity} requests. Without SQPOLL it is the
     * capacity: our io_uring_enter returns after the kernel has taken the SQEs, so every free
     * slot of the context is a free SQ entry.
     *
     * <p>With SQPOLL the kernel thread moves sq.head only after it has issued the whole batch it
     * took (io_submit_sqes commits the head last), and reads served from the page cache post
     * their CQEs before that. A caller can reap every completion and still find the SQ ring
     * full for a moment, so a context that is empty would refuse a submit. Twice the capacity is
     * enough: a batch whose head is not yet committed holds at most {@code capacity} entries,
     * and the next batch cannot be taken (or complete) before that head moves.
     */
    static int sqEntries(int capacity, boolean sqpoll) {
        return sqpoll ? Math.min(MAX_SQ_ENTRIES, 2 * capacity) : capacity;
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
        int sqEntries = sqEntries(entries, (base & IORING_SETUP_SQPOLL) != 0);
        if (options.cqEntries() != 0) {
            base |= IORING_SETUP_CQSIZE;
            // the kernel refuses a CQ smaller than the SQ ring (EINVAL); the SQPOLL ring is ours to size
            cq = Math.max(options.cqEntries(), sqEntries);
        }
        int steps = options.has(SetupFlag.SINGLE_ISSUER) ? ISSUER_STEPS.length : 1;
        IOException last = null;
        for (int i = options.has(SetupFlag.SINGLE_ISSUER) ? 0 : ISSUER_STEPS.length - 1; i < ISSUER_STEPS.length; i++) {
            for (int submitAll : new int[] {IORING_SETUP_SUBMIT_ALL, 0}) {
                int flags = base | ISSUER_STEPS[i] | submitAll;
                try {
                    Ring ring = Ring.open(sqEntries, flags, cq, options.sqThreadIdleMillis());
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
