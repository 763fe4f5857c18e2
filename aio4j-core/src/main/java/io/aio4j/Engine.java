package io.aio4j;

/**
 * The engine behind an {@link IoContext}.
 *
 * <p>{@link #AUTO} picks {@link #IO_URING}, else {@link #LINUX_AIO}, else {@link #PORTABLE},
 * and {@link IoContext#engineInfo()} says which one it took and why it passed over the others.
 * An explicit choice that is not available here fails with the reason instead of falling back.
 */
public enum Engine {
    /** The best engine available here; see {@link EngineInfo#reason()}. */
    AUTO,
    /** Linux io_uring (5.6+), through FFM. */
    IO_URING,
    /** Linux native AIO (io_setup / io_submit / io_getevents), through FFM. */
    LINUX_AIO,
    /** Pure Java; runs wherever a JDK 25 runs. */
    PORTABLE
}
