package io.aio4j.async;

import io.aio4j.ContextOptions;
import io.aio4j.FileOption;
import io.aio4j.IoFile;
import io.aio4j.IoRequest;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * A file with a CompletableFuture API over an aio4j context (through an {@link IoDispatcher}).
 *
 * <p><b>Threading.</b> Every method may be called from any thread; submissions from many threads
 * are batched by the dispatcher. Futures complete on the dispatcher's completion thread, so
 * dependent stages without an executor run there and must not block for long.
 *
 * <p><b>Buffers</b> belong to aio4j from the call until the future completes: do not touch them
 * meanwhile. Heap and native memory both work (heap memory is copied through native memory).
 * Results are the kernel's: a read returns the bytes read, fewer than asked for a short read and
 * 0 at EOF; a ByteBuffer's position advances by the bytes transferred.
 *
 * <p><b>Errors</b> complete the future exceptionally with the IOException of
 * {@link io.aio4j.IoErrors} (naming the call and errno); after {@link #close()}, with
 * {@link ClosedChannelException}; operations cut off by close, with
 * {@link java.nio.channels.AsynchronousCloseException}. Argument errors throw at the call.
 */
public final class AsyncFile implements AutoCloseable {
    private final IoDispatcher dispatcher;
    private final boolean ownsDispatcher;
    private final IoFile file;
    private final PendingOperations pending = new PendingOperations();
    private volatile boolean closed;

    private AsyncFile(IoDispatcher dispatcher, boolean ownsDispatcher, IoFile file) {
        this.dispatcher = dispatcher;
        this.ownsDispatcher = ownsDispatcher;
        this.file = file;
    }

    /**
     * Opens {@code path} on {@code dispatcher}, which the file uses but does not own.
     *
     * @throws IOException as {@link io.aio4j.IoContext#openFile} throws it
     */
    public static AsyncFile open(IoDispatcher dispatcher, Path path, FileOption... options) throws IOException {
        return new AsyncFile(Objects.requireNonNull(dispatcher, "dispatcher"), false, dispatcher.openFile(path, options));
    }

    /**
     * Opens {@code path} on a dispatcher of its own ({@code entries} in flight, {@code contextOptions}),
     * closed with the file.
     */
    public static AsyncFile open(Path path, int entries, ContextOptions contextOptions, FileOption... options)
            throws IOException {
        IoDispatcher d = IoDispatcher.open(entries, contextOptions);
        try {
            return new AsyncFile(d, true, d.openFile(path, options));
        } catch (IOException | RuntimeException e) {
            d.close();
            throw e;
        }
    }

    /** The aio4j file (for its alignment, options and size). */
    public IoFile file() {
        return file;
    }

    /** The dispatcher this file submits to. */
    public IoDispatcher dispatcher() {
        return dispatcher;
    }

    /** Whether {@link #close()} has not been called. */
    public boolean isOpen() {
        return !closed;
    }

    /** Blocking calls on this file, for virtual threads (they park instead of pinning). */
    public BlockingFile blocking() {
        return new BlockingFile(this);
    }

    /** Reads into {@code dst} (all of it, up to {@link IoRequest#MAX_RW_COUNT}) at {@code position}. */
    public CompletableFuture<Long> read(MemorySegment dst, long position) {
        check(dst, position, true);
        return start(FileOp.transfer(this, FileOp.Kind.READ, dst, null, position, false));
    }

    /** Reads into {@code dst}'s remaining bytes at {@code position}, advancing its position. */
    public CompletableFuture<Long> read(ByteBuffer dst, long position) {
        return read(MemorySegment.ofBuffer(checkBuffer(dst, true)), dst, position);
    }

    private CompletableFuture<Long> read(MemorySegment seg, ByteBuffer dst, long position) {
        check(seg, position, true);
        return start(FileOp.transfer(this, FileOp.Kind.READ, seg, dst, position, false));
    }

    /** Writes all of {@code src} at {@code position}. */
    public CompletableFuture<Long> write(MemorySegment src, long position) {
        check(src, position, false);
        return start(FileOp.transfer(this, FileOp.Kind.WRITE, src, null, position, false));
    }

    /** Writes {@code src}'s remaining bytes at {@code position}, advancing its position. */
    public CompletableFuture<Long> write(ByteBuffer src, long position) {
        MemorySegment seg = MemorySegment.ofBuffer(checkBuffer(src, false));
        check(seg, position, false);
        return start(FileOp.transfer(this, FileOp.Kind.WRITE, seg, src, position, false));
    }

    /** Reads into {@code dsts} in order (preadv), up to {@link IoRequest#IOV_MAX} of them. */
    public CompletableFuture<Long> readv(MemorySegment[] dsts, long position) {
        checkVector(dsts, position, true);
        return start(FileOp.vectored(this, FileOp.Kind.READV, dsts, position));
    }

    /** Writes {@code srcs} in order (pwritev), up to {@link IoRequest#IOV_MAX} of them. */
    public CompletableFuture<Long> writev(MemorySegment[] srcs, long position) {
        checkVector(srcs, position, false);
        return start(FileOp.vectored(this, FileOp.Kind.WRITEV, srcs, position));
    }

    /** fsync(2): data and metadata durable. Unordered with writes still in flight. */
    public CompletableFuture<Void> fsync() {
        return start(FileOp.sync(this, FileOp.Kind.FSYNC, false));
    }

    /** fdatasync(2): data durable. Unordered with writes still in flight. */
    public CompletableFuture<Void> fdatasync() {
        return start(FileOp.sync(this, FileOp.Kind.FDSYNC, false));
    }

    /**
     * fallocate(2) with {@code mode} (0: allocate, extending the size) over
     * {@code [offset, offset+length)}.
     *
     * @throws IllegalArgumentException if {@code offset < 0} or {@code length <= 0}
     */
    public CompletableFuture<Void> fallocate(int mode, long offset, long length) {
        if (offset < 0 || length <= 0) {
            throw new IllegalArgumentException("offset=" + offset + ", length=" + length + ": need offset >= 0, length > 0");
        }
        return start(FileOp.fallocate(this, mode, offset, length));
    }

    /** The file's size, read on the calling thread (fstat is not queued). */
    public CompletableFuture<Long> size() {
        try {
            ensureOpen();
            return CompletableFuture.completedFuture(file.size());
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private <T> CompletableFuture<T> start(FileOp op) {
        if (closed) {
            return CompletableFuture.failedFuture(new ClosedChannelException());
        }
        submit(op);
        return op.future();
    }

    /** Counts {@code op} in and submits it; for {@link BlockingFile} too. */
    void submit(FileOp op) {
        pending.begin();
        dispatcher.submit(op);
    }

    void operationDone() {
        pending.end();
    }

    void ensureOpen() throws ClosedChannelException {
        if (closed) {
            throw new ClosedChannelException();
        }
    }

    static void check(MemorySegment seg, long position, boolean read) {
        Objects.requireNonNull(seg, "buffer");
        if (position < 0) {
            throw new IllegalArgumentException("position=" + position + " is negative");
        }
        if (read && seg.isReadOnly()) {
            throw new IllegalArgumentException("buffer is read-only: a read needs a writable buffer");
        }
    }

    static ByteBuffer checkBuffer(ByteBuffer b, boolean read) {
        Objects.requireNonNull(b, "buffer");
        if (read && b.isReadOnly()) {
            throw new IllegalArgumentException("buffer is read-only: a read needs a writable buffer");
        }
        return b;
    }

    private static void checkVector(MemorySegment[] segs, long position, boolean read) {
        Objects.requireNonNull(segs, "buffers");
        if (segs.length > IoRequest.IOV_MAX) {
            throw new IllegalArgumentException("buffers.length=" + segs.length + " is over IOV_MAX=" + IoRequest.IOV_MAX);
        }
        for (int i = 0; i < segs.length; i++) {
            check(Objects.requireNonNull(segs[i], () -> "buffers contains null"), position, read);
        }
    }

    /**
     * Closes the file: later calls fail with ClosedChannelException; waits for operations in flight
     * (unless on the completion thread); closes the dispatcher if the file owns it. Idempotent.
     */
    @Override
    public void close() throws IOException {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        if (!dispatcher.isCompletionThread()) {
            pending.awaitNone();
        }
        try {
            file.close();
        } finally {
            if (ownsDispatcher) {
                dispatcher.close();
            }
        }
    }

    @Override
    public String toString() {
        return "AsyncFile[" + file + (closed ? ", closed" : "") + "]";
    }
}
