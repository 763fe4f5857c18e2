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
    /** The last ByteBuffer given, its position and limit then, and its segment (segmentOf). */
    private ByteBuffer viewOf;
    private int viewPosition;
    private int viewLimit;
    private MemorySegment view;

    // Owned by the context while in flight.
    IoContext owner;
    long tag = -1;
    /** Whether the request holds a reference on its file (taken at submit, dropped when settled). */
    boolean fileRef;
    /** The context-owned copies of the caller's buffers, when they need one; see BounceBuffers. */
    MemorySegment bounce;
    MemorySegment[] ioSegments;

    /** A new idle request (op NOOP). */
    public IoRequest() {
        this.op = Op.NOOP;
    }

    // ---- preparation -------------------------------------------------------------------------

    /**
     * Prepares a no-op that completes with 0.
     *
     * @return this request
     * @throws IllegalStateException if the request is in flight
     */
    public IoRequest prepNop() {
        checkIdle();
        reset(Op.NOOP, null);
        return this;
    }

    /**
     * Read {@code buffer.byteSize()} bytes (capped at {@link #MAX_RW_COUNT}) at {@code fileOffset}.
     * The event's result is the number of bytes read: fewer at the end of the file, 0 at or past it.
     *
     * @param file the file, opened by the context this request will be submitted to
     * @param buffer where to read to; it belongs to the context from submit until the event is reaped
     * @param fileOffset the file offset; a negative one completes with -EINVAL
     * @return this request
     * @throws IllegalArgumentException if the buffer is read-only
     * @throws IllegalStateException if the request is in flight
     */
    public IoRequest prepRead(IoFile file, MemorySegment buffer, long fileOffset) {
        return prepRead(file, buffer, Objects.requireNonNull(buffer, "buffer").byteSize(), fileOffset);
    }

    /**
     * Read {@code length} bytes into the start of {@code buffer} at {@code fileOffset}. The event's
     * result is the number of bytes read: fewer at the end of the file, 0 at or past it.
     *
     * @param file the file, opened by the context this request will be submitted to
     * @param buffer where to read to; it belongs to the context from submit until the event is reaped
     * @param length how many bytes to read, 0..buffer.byteSize() (capped at {@link #MAX_RW_COUNT})
     * @param fileOffset the file offset; a negative one completes with -EINVAL
     * @return this request
     * @throws IllegalArgumentException if the buffer is read-only or {@code length} is negative or
     *     past the end of the buffer
     * @throws IllegalStateException if the request is in flight
     */
    public IoRequest prepRead(IoFile file, MemorySegment buffer, long length, long fileOffset) {
        checkBuffer(file, buffer, length, true);
        reset(Op.PREAD, file);
        this.buffer = buffer;
        this.length = Math.min(length, MAX_RW_COUNT);
        this.offset = fileOffset;
        return this;
    }

    /**
     * Read into a ByteBuffer's remaining bytes; the buffer's position is not moved. A heap buffer
     * is read through a native copy.
     *
     * @param file the file, opened by the context this request will be submitted to
     * @param buffer where to read to; it belongs to the context from submit until the event is reaped
     * @param fileOffset the file offset
     * @return this request
     * @throws IllegalArgumentException if the buffer is read-only
     * @throws IllegalStateException if the request is in flight
     */
    public IoRequest prepRead(IoFile file, ByteBuffer buffer, long fileOffset) {
        Objects.requireNonNull(buffer, "buffer");
        if (buffer.isReadOnly()) {
            throw new IllegalArgumentException("buffer is read-only: a read needs a writable buffer");
        }
        return prepRead(file, segmentOf(buffer), fileOffset);
    }

    /**
     * Write all of {@code buffer} (capped at {@link #MAX_RW_COUNT}) at {@code fileOffset}. The
     * event's result is the number of bytes written.
     *
     * @param file the file, opened by the context this request will be submitted to
     * @param buffer what to write; it must not change from submit until the event is reaped
     * @param fileOffset the file offset; a negative one completes with -EINVAL
     * @return this request
     * @throws IllegalStateException if the request is in flight
     */
    public IoRequest prepWrite(IoFile file, MemorySegment buffer, long fileOffset) {
        return prepWrite(file, buffer, Objects.requireNonNull(buffer, "buffer").byteSize(), fileOffset);
    }

    /**
     * Write the first {@code length} bytes of {@code buffer} at {@code fileOffset}. The event's
     * result is the number of bytes written.
     *
     * @param file the file, opened by the context this request will be submitted to
     * @param buffer what to write; it must not change from submit until the event is reaped
     * @param length how many bytes to write, 0..buffer.byteSize() (capped at {@link #MAX_RW_COUNT})
     * @param fileOffset the file offset; a negative one completes with -EINVAL
     * @return this request
     * @throws IllegalArgumentException if {@code length} is negative or past the end of the buffer
     * @throws IllegalStateException if the request is in flight
     */
    public IoRequest prepWrite(IoFile file, MemorySegment buffer, long length, long fileOffset) {
        checkBuffer(file, buffer, length, false);
        reset(Op.PWRITE, file);
        this.buffer = buffer;
        this.length = Math.min(length, MAX_RW_COUNT);
        this.offset = fileOffset;
        return this;
    }

    /**
     * Write a ByteBuffer's remaining bytes; the buffer's position is not moved. A heap buffer is
     * written through a native copy made at submit.
     *
     * @param file the file, opened by the context this request will be submitted to
     * @param buffer what to write; it must not change from submit until the event is reaped
     * @param fileOffset the file offset
     * @return this request
     * @throws IllegalStateException if the request is in flight
     */
    public IoRequest prepWrite(IoFile file, ByteBuffer buffer, long fileOffset) {
        Objects.requireNonNull(buffer, "buffer");
        return prepWrite(file, segmentOf(buffer), fileOffset);
    }

    /**
     * The segment of {@code buffer}'s remaining bytes, made again only when the buffer, its
     * position or its limit differ from the last one's: a loop that reuses one buffer (cleared
     * each time) then allocates nothing, where a new view per request was 72 bytes
     * (BounceBenchmark -prof gc). The same buffer object always has the same memory.
     */
    private MemorySegment segmentOf(ByteBuffer b) {
        int p = b.position();
        int l = b.limit();
        if (b != viewOf || p != viewPosition || l != viewLimit) {
            view = MemorySegment.ofBuffer(b);
            viewOf = b;
            viewPosition = p;
            viewLimit = l;
        }
        return view;
    }

    /**
     * Read into all of {@code buffers}, in order (preadv). The array is copied; the segments belong
     * to the context from submit until the event is reaped. The result is the total byte count.
     *
     * @param file the file, opened by the context this request will be submitted to
     * @param buffers 0..{@value #IOV_MAX} writable segments
     * @param fileOffset the file offset
     * @return this request
     * @throws IllegalArgumentException if there are more than {@value #IOV_MAX} or one is read-only
     * @throws IllegalStateException if the request is in flight
     */
    public IoRequest prepReadv(IoFile file, MemorySegment[] buffers, long fileOffset) {
        return prepVectored(Op.PREADV, file, buffers, Objects.requireNonNull(buffers, "buffers").length, fileOffset);
    }

    /**
     * Read into the first {@code count} of {@code buffers}, in order; see
     * {@link #prepReadv(IoFile, MemorySegment[], long)}.
     *
     * @param file the file, opened by the context this request will be submitted to
     * @param buffers the segments
     * @param count how many of them to use, 0..{@value #IOV_MAX}
     * @param fileOffset the file offset
     * @return this request
     * @throws IllegalArgumentException if {@code count} is out of range or a segment is read-only
     * @throws IllegalStateException if the request is in flight
     */
    public IoRequest prepReadv(IoFile file, MemorySegment[] buffers, int count, long fileOffset) {
        return prepVectored(Op.PREADV, file, buffers, count, fileOffset);
    }

    /**
     * Write all of {@code buffers}, in order (pwritev). The array is copied; the segments must not
     * change from submit until the event is reaped. The result is the total byte count.
     *
     * @param file the file, opened by the context this request will be submitted to
     * @param buffers 0..{@value #IOV_MAX} segments
     * @param fileOffset the file offset
     * @return this request
     * @throws IllegalArgumentException if there are more than {@value #IOV_MAX}
     * @throws IllegalStateException if the request is in flight
     */
    public IoRequest prepWritev(IoFile file, MemorySegment[] buffers, long fileOffset) {
        return prepVectored(Op.PWRITEV, file, buffers, Objects.requireNonNull(buffers, "buffers").length, fileOffset);
    }

    /**
     * Write the first {@code count} of {@code buffers}, in order; see
     * {@link #prepWritev(IoFile, MemorySegment[], long)}.
     *
     * @param file the file, opened by the context this request will be submitted to
     * @param buffers the segments
     * @param count how many of them to use, 0..{@value #IOV_MAX}
     * @param fileOffset the file offset
     * @return this request
     * @throws IllegalArgumentException if {@code count} is out of range
     * @throws IllegalStateException if the request is in flight
     */
    public IoRequest prepWritev(IoFile file, MemorySegment[] buffers, int count, long fileOffset) {
        return prepVectored(Op.PWRITEV, file, buffers, count, fileOffset);
    }

    /**
     * fsync(2) of the whole file: data and metadata durable. Not ordered after writes still in
     * flight: wait for their events first, or use {@link LinkFlags}.
     *
     * @param file the file, opened by the context this request will be submitted to
     * @return this request
     * @throws IllegalStateException if the request is in flight
     */
    public IoRequest prepFsync(IoFile file) {
        checkIdle();
        Objects.requireNonNull(file, "file");
        reset(Op.FSYNC, file);
        return this;
    }

    /**
     * fdatasync(2) of the whole file: data durable. Not ordered after writes still in flight.
     *
     * @param file the file, opened by the context this request will be submitted to
     * @return this request
     * @throws IllegalStateException if the request is in flight
     */
    public IoRequest prepFdatasync(IoFile file) {
        checkIdle();
        Objects.requireNonNull(file, "file");
        reset(Op.FDSYNC, file);
        return this;
    }

    /**
     * Read into {@code slice}, which must lie inside buffer {@code bufIndex} registered with
     * {@link IoContext#registerBuffers} (else the event carries -EFAULT, as the kernel does).
     *
     * @param file the file, opened by the context this request will be submitted to
     * @param slice where to read to, inside the registered buffer
     * @param bufIndex the index of the registered buffer
     * @param fileOffset the file offset
     * @return this request
     * @throws IllegalArgumentException if the slice is read-only
     * @throws IllegalStateException if the request is in flight
     */
    public IoRequest prepReadFixed(IoFile file, MemorySegment slice, int bufIndex, long fileOffset) {
        prepRead(file, slice, fileOffset);
        this.op = Op.READ_FIXED;
        this.bufIndex = bufIndex;
        return this;
    }

    /**
     * Write {@code slice}, which must lie inside registered buffer {@code bufIndex} (else the event
     * carries -EFAULT).
     *
     * @param file the file, opened by the context this request will be submitted to
     * @param slice what to write, inside the registered buffer
     * @param bufIndex the index of the registered buffer
     * @param fileOffset the file offset
     * @return this request
     * @throws IllegalStateException if the request is in flight
     */
    public IoRequest prepWriteFixed(IoFile file, MemorySegment slice, int bufIndex, long fileOffset) {
        prepWrite(file, slice, fileOffset);
        this.op = Op.WRITE_FIXED;
        this.bufIndex = bufIndex;
        return this;
    }

    /**
     * fallocate(2) with {@code mode} (0 allocates and extends) over [fileOffset, fileOffset+length).
     * A length of 0 or less completes with -EINVAL.
     *
     * @param file the file, opened by the context this request will be submitted to
     * @param mode the fallocate mode bits (FALLOC_FL_*), 0 for a plain allocation
     * @param fileOffset the first byte
     * @param length how many bytes
     * @return this request
     * @throws IllegalStateException if the request is in flight
     */
    public IoRequest prepFallocate(IoFile file, int mode, long fileOffset, long length) {
        checkIdle();
        Objects.requireNonNull(file, "file");
        reset(Op.FALLOCATE, file);
        this.mode = mode;
        this.offset = fileOffset;
        this.length = length;
        return this;
    }

    /**
     * Sets the 64-bit user datum echoed in the event. Call it after the {@code prep*} method,
     * which resets it to 0.
     *
     * @param userData any value
     * @return this request
     * @throws IllegalStateException if the request is in flight
     */
    public IoRequest userData(long userData) {
        checkIdle();
        this.userData = userData;
        return this;
    }

    /**
     * Sets RWF_* flags ({@link RwFlags}) for a read or write. Call it after the {@code prep*}
     * method, which resets them.
     *
     * @param rwFlags a combination of {@link RwFlags} values
     * @return this request
     * @throws IllegalArgumentException for a bit aio4j does not know
     * @throws IllegalStateException if the request is in flight
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
     * Sets ordering flags ({@link LinkFlags}). Call it after the {@code prep*} method, which resets
     * them.
     *
     * @param linkFlags a combination of {@link LinkFlags} values
     * @return this request
     * @throws IllegalArgumentException for a bit aio4j does not know, or LINK with HARDLINK
     * @throws IllegalStateException if the request is in flight
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

    /** {@return the op} */
    public Op op() {
        return op;
    }

    /** {@return the file, or null for NOOP} */
    public IoFile file() {
        return file;
    }

    /**
     * The memory the engine transfers to or from: the caller's buffer, or while in flight a
     * context-owned native copy of it when the caller gave heap memory or memory of a closeable
     * arena. Engines transfer {@link #length()} bytes from its start; a copy may be larger.
     *
     * @return the buffer, or null for ops without one (and for vectored ops)
     */
    public MemorySegment buffer() {
        return bounce != null ? bounce : buffer;
    }

    /** {@return the number of segments of a vectored request} */
    public int segmentCount() {
        return segmentCount;
    }

    /**
     * Segment {@code i} of a vectored request (while in flight, a context-owned native copy of
     * the same size when any segment is heap memory or memory of a closeable arena).
     *
     * @param i the index, 0..segmentCount()-1
     * @return the segment
     * @throws IndexOutOfBoundsException if {@code i} is out of range
     */
    public MemorySegment segment(int i) {
        Objects.checkIndex(i, segmentCount);
        return ioSegments != null ? ioSegments[i] : segments[i];
    }

    /** {@return the file offset} */
    public long offset() {
        return offset;
    }

    /** {@return the byte count of PREAD/PWRITE/FIXED/FALLOCATE, or the total of the segments when vectored} */
    public long length() {
        return length;
    }

    /** {@return the user datum} */
    public long userData() {
        return userData;
    }

    /** {@return the RWF_* flags ({@link RwFlags})} */
    public int rwFlags() {
        return rwFlags;
    }

    /** {@return the ordering flags ({@link LinkFlags})} */
    public int linkFlags() {
        return linkFlags;
    }

    /** {@return the registered buffer index of READ_FIXED / WRITE_FIXED} */
    public int bufIndex() {
        return bufIndex;
    }

    /** {@return the fallocate mode} */
    public int mode() {
        return mode;
    }

    /**
     * The engine's tag for this submission: unique among the context's requests in flight, and
     * what a native engine puts in user_data; see {@link io.aio4j.spi.Tags}.
     *
     * @return the tag, or -1 when idle
     */
    public long tag() {
        return tag;
    }

    /** {@return whether the request is in flight (submitted and not yet reaped)} */
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
