package io.aio4j;

import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * One I/O request: a reusable, caller-owned object, so a steady-state loop allocates nothing
 * (seed 004's batch allocation, from the caller's side).
 *
 * <p>Prepare it with one {@code prep*} method, which resets every other field (user datum and
 * flags included), then set {@link #userData(long)} and flags, then {@link IoContext#submit}.
 * From submission until its {@link IoEvent} is reaped, the request is <em>in flight</em>: it
 * cannot be prepared or submitted again, and its buffers belong to the context, which keeps them
 * reachable. A request is used by one thread at a time.
 *
 * <p>Misuse that can be seen at prep time (null, a read into a read-only buffer, too many
 * segments, a length past the buffer) throws and leaves the request as it was. Errors the kernel
 * would report (a negative offset, a file opened without the needed access, O_DIRECT misalignment)
 * complete the request with {@code -errno} in its event.
 */
public final class IoRequest {
    /** The most segments one vectored request takes (IOV_MAX). */
    public static final int IOV_MAX = 1024;
    /** The kernel's cap on one transfer (MAX_RW_COUNT); larger buffers give a short transfer. */
    public static final long MAX_RW_COUNT = 0x7ffff000L;

    private static final MemorySegment[] NO_SEGMENTS = new MemorySegment[0];

    private Op op;
    private IoFile file;
    private MemorySegment buffer;
    private MemorySegment[] segments = NO_SEGMENTS;
    private int segmentCount;
    private long offset;
    private long length;
    private long userData;
    private int rwFlags;
    private int linkFlags;
    private int bufIndex;
    private int mode;

    // Owned by the context while in flight.
    IoContext owner;
    long tag = -1;
    /** Whether the request holds a reference on its file (taken at submit, dropped when settled). */
    boolean fileRef;
    /** The native copies of heap buffers, when the caller gave heap memory; see IoContext. */
    MemorySegment bounce;
    MemorySegment[] ioSegments;

    /** A new idle request (op NOOP). */
    public IoRequest() {
        this.op = Op.NOOP;
    }

    // ---- preparation -------------------------------------------------------------------------

    /** A no-op that completes with 0. */
    public IoRequest prepNop() {
        checkIdle();
        reset(Op.NOOP, null);
        return this;
    }

    /** Read {@code buffer.byteSize()} bytes (capped at {@link #MAX_RW_COUNT}) at {@code fileOffset}. */
    public IoRequest prepRead(IoFile file, MemorySegment buffer, long fileOffset) {
        return prepRead(file, buffer, Objects.requireNonNull(buffer, "buffer").byteSize(), fileOffset);
    }

    /**
     * Read {@code length} bytes into the start of {@code buffer} at {@code fileOffset}.
     *
     * @throws IllegalArgumentException if the buffer is read-only or {@code length} is negative or
     *     past the end of the buffer
     */
    public IoRequest prepRead(IoFile file, MemorySegment buffer, long length, long fileOffset) {
        checkBuffer(file, buffer, length, true);
        reset(Op.PREAD, file);
        this.buffer = buffer;
        this.length = Math.min(length, MAX_RW_COUNT);
        this.offset = fileOffset;
        return this;
    }

    /** Read into a ByteBuffer's remaining bytes; the buffer's position is not moved. */
    public IoRequest prepRead(IoFile file, ByteBuffer buffer, long fileOffset) {
        Objects.requireNonNull(buffer, "buffer");
        if (buffer.isReadOnly()) {
            throw new IllegalArgumentException("buffer is read-only: a read needs a writable buffer");
        }
        return prepRead(file, MemorySegment.ofBuffer(buffer), fileOffset);
    }

    /** Write all of {@code buffer} (capped at {@link #MAX_RW_COUNT}) at {@code fileOffset}. */
    public IoRequest prepWrite(IoFile file, MemorySegment buffer, long fileOffset) {
        return prepWrite(file, buffer, Objects.requireNonNull(buffer, "buffer").byteSize(), fileOffset);
    }

    /**
     * Write the first {@code length} bytes of {@code buffer} at {@code fileOffset}.
     *
     * @throws IllegalArgumentException if {@code length} is negative or past the end of the buffer
     */
    public IoRequest prepWrite(IoFile file, MemorySegment buffer, long length, long fileOffset) {
        checkBuffer(file, buffer, length, false);
        reset(Op.PWRITE, file);
        this.buffer = buffer;
        this.length = Math.min(length, MAX_RW_COUNT);
        this.offset = fileOffset;
        return this;
    }

    /** Write a ByteBuffer's remaining bytes; the buffer's position is not moved. */
    public IoRequest prepWrite(IoFile file, ByteBuffer buffer, long fileOffset) {
        Objects.requireNonNull(buffer, "buffer");
        return prepWrite(file, MemorySegment.ofBuffer(buffer), fileOffset);
    }

    /** Read into all of {@code buffers}, in order. */
    public IoRequest prepReadv(IoFile file, MemorySegment[] buffers, long fileOffset) {
        return prepVectored(Op.PREADV, file, buffers, Objects.requireNonNull(buffers, "buffers").length, fileOffset);
    }

    /** Read into the first {@code count} of {@code buffers} (0..{@value #IOV_MAX}), in order. */
    public IoRequest prepReadv(IoFile file, MemorySegment[] buffers, int count, long fileOffset) {
        return prepVectored(Op.PREADV, file, buffers, count, fileOffset);
    }

    /** Write all of {@code buffers}, in order. */
    public IoRequest prepWritev(IoFile file, MemorySegment[] buffers, long fileOffset) {
        return prepVectored(Op.PWRITEV, file, buffers, Objects.requireNonNull(buffers, "buffers").length, fileOffset);
    }

    /** Write the first {@code count} of {@code buffers} (0..{@value #IOV_MAX}), in order. */
    public IoRequest prepWritev(IoFile file, MemorySegment[] buffers, int count, long fileOffset) {
        return prepVectored(Op.PWRITEV, file, buffers, count, fileOffset);
    }

    /** fsync(2) of the whole file. */
    public IoRequest prepFsync(IoFile file) {
        checkIdle();
        Objects.requireNonNull(file, "file");
        reset(Op.FSYNC, file);
        return this;
    }

    /** fdatasync(2) of the whole file. */
    public IoRequest prepFdatasync(IoFile file) {
        checkIdle();
        Objects.requireNonNull(file, "file");
        reset(Op.FDSYNC, file);
        return this;
    }

    /**
     * Read into {@code slice}, which must lie inside buffer {@code bufIndex} registered with
     * {@link IoContext#registerBuffers} (else the event carries -EFAULT, as the kernel does).
     */
    public IoRequest prepReadFixed(IoFile file, MemorySegment slice, int bufIndex, long fileOffset) {
        prepRead(file, slice, fileOffset);
        this.op = Op.READ_FIXED;
        this.bufIndex = bufIndex;
        return this;
    }

    /** Write {@code slice}, which must lie inside registered buffer {@code bufIndex}. */
    public IoRequest prepWriteFixed(IoFile file, MemorySegment slice, int bufIndex, long fileOffset) {
        prepWrite(file, slice, fileOffset);
        this.op = Op.WRITE_FIXED;
        this.bufIndex = bufIndex;
        return this;
    }

    /** fallocate(2) with {@code mode} (0 allocates and extends) over [fileOffset, fileOffset+length). */
    public IoRequest prepFallocate(IoFile file, int mode, long fileOffset, long length) {
        checkIdle();
        Objects.requireNonNull(file, "file");
        reset(Op.FALLOCATE, file);
        this.mode = mode;
        this.offset = fileOffset;
        this.length = length;
        return this;
    }

    /** Sets the 64-bit user datum echoed in the event. */
    public IoRequest userData(long userData) {
        checkIdle();
        this.userData = userData;
        return this;
    }

    /**
     * Sets RWF_* flags ({@link RwFlags}) for a read or write.
     *
     * @throws IllegalArgumentException for a bit aio4j does not know
     */
    public IoRequest rwFlags(int rwFlags) {
        checkIdle();
        if ((rwFlags & ~RwFlags.ALL) != 0) {
            throw new IllegalArgumentException("rwFlags=0x" + Integer.toHexString(rwFlags) + " has unknown bits");
        }
        this.rwFlags = rwFlags;
        return this;
    }

    /**
     * Sets ordering flags ({@link LinkFlags}).
     *
     * @throws IllegalArgumentException for a bit aio4j does not know, or LINK with HARDLINK
     */
    public IoRequest linkFlags(int linkFlags) {
        checkIdle();
        if ((linkFlags & ~LinkFlags.ALL) != 0) {
            throw new IllegalArgumentException("linkFlags=0x" + Integer.toHexString(linkFlags) + " has unknown bits");
        }
        if ((linkFlags & LinkFlags.LINK) != 0 && (linkFlags & LinkFlags.HARDLINK) != 0) {
            throw new IllegalArgumentException("linkFlags=0x" + Integer.toHexString(linkFlags) + ": LINK and HARDLINK are exclusive");
        }
        this.linkFlags = linkFlags;
        return this;
    }

    // ---- accessors (for callers and engines) -----------------------------------------------

    /** The op. */
    public Op op() {
        return op;
    }

    /** The file, or null for NOOP. */
    public IoFile file() {
        return file;
    }

    /**
     * The memory the engine transfers to or from: the caller's buffer, or while in flight a
     * native copy of it when the caller gave heap memory. Null for ops without a buffer.
     */
    public MemorySegment buffer() {
        return bounce != null ? bounce : buffer;
    }

    /** The number of segments of a vectored request. */
    public int segmentCount() {
        return segmentCount;
    }

    /** Segment {@code i} of a vectored request (a native copy while in flight when the caller gave heap memory). */
    public MemorySegment segment(int i) {
        Objects.checkIndex(i, segmentCount);
        return ioSegments != null ? ioSegments[i] : segments[i];
    }

    /** The file offset. */
    public long offset() {
        return offset;
    }

    /** The byte count of PREAD/PWRITE/FIXED/FALLOCATE, or the total of the segments when vectored. */
    public long length() {
        return length;
    }

    /** The user datum. */
    public long userData() {
        return userData;
    }

    /** RWF_* flags. */
    public int rwFlags() {
        return rwFlags;
    }

    /** {@link LinkFlags}. */
    public int linkFlags() {
        return linkFlags;
    }

    /** The registered buffer index of READ_FIXED / WRITE_FIXED. */
    public int bufIndex() {
        return bufIndex;
    }

    /** The fallocate mode. */
    public int mode() {
        return mode;
    }

    /**
     * The engine's tag for this submission: unique among the context's requests in flight, and
     * what a native engine puts in user_data; see {@link io.aio4j.spi.Tags}. -1 when idle.
     */
    public long tag() {
        return tag;
    }

    /** Whether the request is in flight (submitted and not yet reaped). */
    public boolean inFlight() {
        return owner != null;
    }

    // ---- internals -----------------------------------------------------------------------------

    MemorySegment callerBuffer() {
        return buffer;
    }

    MemorySegment callerSegment(int i) {
        return segments[i];
    }

    private IoRequest prepVectored(Op vop, IoFile file, MemorySegment[] buffers, int count, long fileOffset) {
        checkIdle();
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(buffers, "buffers");
        if (count < 0 || count > IOV_MAX || count > buffers.length) {
            throw new IllegalArgumentException("count=" + count + " is outside 0.." + Math.min(IOV_MAX, buffers.length)
                    + " (IOV_MAX=" + IOV_MAX + ", buffers.length=" + buffers.length + ")");
        }
        long total = 0;
        for (int i = 0; i < count; i++) {
            MemorySegment s = buffers[i];
            if (s == null) {
                throw new NullPointerException("buffers[" + i + "] is null");
            }
            if (vop == Op.PREADV && s.isReadOnly()) {
                throw new IllegalArgumentException("buffers[" + i + "] is read-only: a read needs writable buffers");
            }
            total += s.byteSize();
        }
        reset(vop, file);
        if (segments.length < count) {
            segments = new MemorySegment[Math.max(count, Math.min(IOV_MAX, segments.length * 2))];
        }
        System.arraycopy(buffers, 0, segments, 0, count);
        segmentCount = count;
        length = total;
        offset = fileOffset;
        return this;
    }

    private void checkBuffer(IoFile file, MemorySegment buffer, long length, boolean read) {
        checkIdle();
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(buffer, "buffer");
        if (read && buffer.isReadOnly()) {
            throw new IllegalArgumentException("buffer is read-only: a read needs a writable buffer");
        }
        if (length < 0 || length > buffer.byteSize()) {
            throw new IllegalArgumentException("length=" + length + " is outside 0.." + buffer.byteSize() + " (the buffer's size)");
        }
    }

    private void checkIdle() {
        if (owner != null) {
            throw new IllegalStateException("request is in flight (tag=" + tag + "): wait for its event before reusing it");
        }
    }

    private void reset(Op newOp, IoFile newFile) {
        for (int i = 0; i < segmentCount; i++) {
            segments[i] = null;
        }
        op = newOp;
        file = newFile;
        buffer = null;
        segmentCount = 0;
        offset = 0;
        length = 0;
        userData = 0;
        rwFlags = 0;
        linkFlags = 0;
        bufIndex = 0;
        mode = 0;
    }

    @Override
    public String toString() {
        return "IoRequest[op=" + op + ", offset=" + offset + ", length=" + length + ", userData=" + userData
                + (owner != null ? ", in flight" : "") + "]";
    }
}
