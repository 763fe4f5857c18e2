package io.aio4j;

/**
 * Ordering flags of a request, after io_uring's IOSQE_IO_LINK / IO_HARDLINK / IO_DRAIN.
 *
 * <p>A request flagged {@link #LINK} makes the next request submitted in the same batch wait for it;
 * if it fails (a short read counts as failure), the rest of the chain completes with -ECANCELED.
 * {@link #HARDLINK} keeps the chain going when a member fails while it runs. A member that fails
 * validation at submit (an error event without reaching the engine) ends its chain either way:
 * the rest complete with -ECANCELED, as io_uring does for an SQE that fails to prepare. {@link #DRAIN} starts only after every
 * request submitted before it has completed. Engines without native support emulate them.
 */
public final class LinkFlags {
    /** IOSQE_IO_LINK. */
    public static final int LINK = 1 << 2;
    /** IOSQE_IO_HARDLINK. */
    public static final int HARDLINK = 1 << 3;
    /** IOSQE_IO_DRAIN. */
    public static final int DRAIN = 1 << 1;
    /** Every flag aio4j knows. */
    public static final int ALL = LINK | HARDLINK | DRAIN;

    private LinkFlags() {
    }
}
