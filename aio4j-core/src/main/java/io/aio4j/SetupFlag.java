package io.aio4j;

/**
 * Setup flags of a context, after the 2018 aio-ring patches (seed 002) and io_uring.
 *
 * <p>Flags that an engine cannot honour exactly are reported in {@link EngineInfo#downgrades()},
 * never dropped silently.
 */
public enum SetupFlag {
    /** A dedicated submitter polls the submission queue (io_uring: SQPOLL; portable: a submitter thread that parks when idle). */
    SQ_THREAD,
    /** Requests are offloaded to a pool of min(2 x CPUs, entries) workers; cached reads are tried inline first (RWF_NOWAIT). */
    SQ_WORKQUEUE,
    /** Completions are found by polling (io_uring IOPOLL). Needs O_DIRECT files. */
    IOPOLL,
    /** Buffers registered with {@link IoContext#registerBuffers} are used by READ_FIXED / WRITE_FIXED. */
    FIXED_BUFFERS,
    /**
     * The caller promises that one thread submits and reaps (io_uring SINGLE_ISSUER,
     * COOP_TASKRUN, DEFER_TASKRUN). Ignored by engines that gain nothing from it.
     */
    SINGLE_ISSUER
}
