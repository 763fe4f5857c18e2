package io.aio4j;

/** The operation a {@link IoRequest} performs. */
public enum Op {
    /** Does nothing and completes with 0. */
    NOOP,
    /** Read into one buffer at an offset; the result is the byte count, 0 at EOF. */
    PREAD,
    /** Write one buffer at an offset; the result is the byte count. */
    PWRITE,
    /** Read into up to {@value IoRequest#IOV_MAX} buffers, filled in order. */
    PREADV,
    /** Write up to {@value IoRequest#IOV_MAX} buffers, in order. */
    PWRITEV,
    /** fsync(2): data and metadata durable. Unordered with respect to writes still in flight. */
    FSYNC,
    /** fdatasync(2): data durable. Unordered with respect to writes still in flight. */
    FDSYNC,
    /** Read into a buffer registered with {@link IoContext#registerBuffers}. */
    READ_FIXED,
    /** Write from a buffer registered with {@link IoContext#registerBuffers}. */
    WRITE_FIXED,
    /** fallocate(2) over [offset, offset+length) with a mode. */
    FALLOCATE;

    /** {@return whether this op reads from the file into memory} */
    public boolean isRead() {
        return this == PREAD || this == PREADV || this == READ_FIXED;
    }

    /** {@return whether this op writes to the file} */
    public boolean isWrite() {
        return this == PWRITE || this == PWRITEV || this == WRITE_FIXED || this == FALLOCATE;
    }

    /** {@return whether this op moves bytes between memory and the file} */
    public boolean transfersData() {
        return this == PREAD || this == PWRITE || this == PREADV || this == PWRITEV
                || this == READ_FIXED || this == WRITE_FIXED;
    }
}
