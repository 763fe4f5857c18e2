package io.aio4j.async;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;

/**
 * Blocking calls on an {@link AsyncFile}, made for virtual threads: each submits through the
 * dispatcher and parks the caller until the completion thread unparks it, so a virtual thread
 * unmounts and its carrier runs others (no pinning, no compensating carrier). Platform threads may
 * call them too. Each call waits uninterruptibly (its buffer belongs to the kernel until the
 * completion) and keeps the interrupt status.
 *
 * <p>Results as {@link AsyncFile}'s: bytes transferred, 0 at EOF; a ByteBuffer's position
 * advances. Failures are thrown as the IOException naming the call and errno;
 * {@link java.nio.channels.ClosedChannelException} after close.
 */
public final class BlockingFile {
    private final AsyncFile file;

    BlockingFile(AsyncFile file) {
        this.file = file;
    }

    /** pread into all of {@code dst}; returns the bytes read, 0 at EOF. */
    public long read(MemorySegment dst, long position) throws IOException {
        AsyncFile.check(dst, position, true);
        return run(FileOp.transfer(file, FileOp.Kind.READ, dst, null, position, true));
    }

    /** pread into {@code dst}'s remaining bytes, advancing its position; returns the bytes read. */
    public int read(ByteBuffer dst, long position) throws IOException {
        MemorySegment seg = MemorySegment.ofBuffer(AsyncFile.checkBuffer(dst, true));
        AsyncFile.check(seg, position, true);
        return (int) run(FileOp.transfer(file, FileOp.Kind.READ, seg, dst, position, true));
    }

    /** pwrite all of {@code src}; returns the bytes written. */
    public long write(MemorySegment src, long position) throws IOException {
        AsyncFile.check(src, position, false);
        return run(FileOp.transfer(file, FileOp.Kind.WRITE, src, null, position, true));
    }

    /** pwrite {@code src}'s remaining bytes, advancing its position; returns the bytes written. */
    public int write(ByteBuffer src, long position) throws IOException {
        MemorySegment seg = MemorySegment.ofBuffer(AsyncFile.checkBuffer(src, false));
        AsyncFile.check(seg, position, false);
        return (int) run(FileOp.transfer(file, FileOp.Kind.WRITE, seg, src, position, true));
    }

    /** fsync(2). */
    public void fsync() throws IOException {
        run(FileOp.sync(file, FileOp.Kind.FSYNC, true));
    }

    /** fdatasync(2). */
    public void fdatasync() throws IOException {
        run(FileOp.sync(file, FileOp.Kind.FDSYNC, true));
    }

    private long run(FileOp op) throws IOException {
        file.ensureOpen();
        file.submit(op);
        return op.await(file.dispatcher());
    }
}
