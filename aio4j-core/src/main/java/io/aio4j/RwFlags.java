package io.aio4j;

/**
 * Per-request RWF_* flags ({@code preadv2(2)}), with the kernel's spelling and values.
 * They go in {@code aio_rw_flags} (Linux AIO) and {@code sqe->rw_flags} (io_uring).
 */
public final class RwFlags {
    /** High priority (polled) I/O. Ignored where the context is not polled. */
    public static final int RWF_HIPRI = 0x1;
    /** Per-write O_DSYNC. */
    public static final int RWF_DSYNC = 0x2;
    /** Per-write O_SYNC. */
    public static final int RWF_SYNC = 0x4;
    /** Fail with -EAGAIN instead of blocking (for example a read that misses the page cache). */
    public static final int RWF_NOWAIT = 0x8;
    /** Per-write O_APPEND: the offset is ignored and data goes at the end. */
    public static final int RWF_APPEND = 0x10;
    /** Every flag aio4j knows. */
    public static final int ALL = RWF_HIPRI | RWF_DSYNC | RWF_SYNC | RWF_NOWAIT | RWF_APPEND;

    private RwFlags() {
    }
}
