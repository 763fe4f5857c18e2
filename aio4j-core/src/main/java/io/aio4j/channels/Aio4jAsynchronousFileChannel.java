package io.aio4j.channels;

import io.aio4j.IoFile;
import io.aio4j.async.IoDispatcher;
import io.aio4j.async.PendingOperations;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousFileChannel;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.CompletionHandler;
import java.nio.channels.FileLock;
import java.nio.channels.NonReadableChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;

/**
 * An {@link AsynchronousFileChannel} whose reads, writes and forces go through an aio4j
 * {@link IoDispatcher}, with the JDK channel's observable behaviour: the same exceptions thrown at
 * the call (IllegalArgumentException for a negative position or a read-only destination,
 * NonReadable/NonWritableChannelException), ClosedChannelException through the future or handler
 * after close, AsynchronousCloseException for operations cut off by close, -1 at EOF, the buffer's
 * position advanced by the bytes transferred, heap and direct buffers alike.
 *
 * <p><b>Handlers</b> run on the ExecutorService given to {@link #open}; without one (the JDK's
 * default pool) they run on the dispatcher's completion thread, which, like the JDK's pool
 * threads, must not be blocked for long. A handler that waits on a Future of this channel is
 * safe: the wait keeps reaping.
 *
 * <p><b>Locks</b> come from a FileChannel on the same path; see {@link ChannelLocks}. {@code size},
 * {@code truncate} (which, as the JDK's, only shrinks) and {@code force} are synchronous.
 * {@link #close()} waits for the operations in flight, as the JDK's does, except on the completion
 * thread.
 */
public final class Aio4jAsynchronousFileChannel extends AsynchronousFileChannel {
    private final IoDispatcher dispatcher;
    private final IoFile file;
    private final boolean reading;
    private final boolean writing;
    private final ExecutorService executor;
    private final ChannelLocks locks;
    private final PendingOperations pending = new PendingOperations();
    private volatile boolean closed;

    private Aio4jAsynchronousFileChannel(IoDispatcher dispatcher, IoFile file,
            ChannelOpenOptions o, ExecutorService executor, ChannelLocks locks) {
        this.dispatcher = dispatcher;
        this.file = file;
        this.reading = o.read();
        this.writing = o.write();
        this.executor = executor;
        this.locks = locks;
    }

    /**
     * Opens {@code path} on the process-wide shared dispatcher ({@link SharedDispatcher}), with
     * the semantics of {@link AsynchronousFileChannel#open(Path, Set, ExecutorService, FileAttribute[])}.
     */
    public static AsynchronousFileChannel open(Path path, Set<? extends OpenOption> options, ExecutorService executor,
            FileAttribute<?>... attrs) throws IOException {
        return open(SharedDispatcher.get(), path, options, executor, attrs);
    }

    /**
     * Opens {@code path} on {@code dispatcher}, which the channel uses but does not own (closing
     * the channel leaves it open).
     */
    public static AsynchronousFileChannel open(IoDispatcher dispatcher, Path path, Set<? extends OpenOption> options,
            ExecutorService executor, FileAttribute<?>... attrs) throws IOException {
        Objects.requireNonNull(dispatcher, "dispatcher");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(options, "options");
        ChannelOpenOptions o = ChannelOpenOptions.of(options);
        o.checkLinks(path);
        o.createIfAsked(path, attrs);
        IoFile file = dispatcher.openFile(path, o.fileOptions());
        ChannelLocks locks = new ChannelLocks(path, o.read(), o.write());
        if (o.deleteOnClose()) {
            try {
                locks.openNow();
                path.getFileSystem().provider().deleteIfExists(path);
            } catch (IOException e) {
                // best effort, as the JDK: it cannot promise to unlink the right file either
            }
        }
        return new Aio4jAsynchronousFileChannel(dispatcher, file, o, executor, locks);
    }

    IoFile file() {
        return file;
    }

    /** The dispatcher this channel submits to. */
    public IoDispatcher dispatcher() {
        return dispatcher;
    }

    @Override
    public boolean isOpen() {
        return !closed;
    }

    @Override
    public long size() throws IOException {
        ensureOpen();
        return file.size();
    }

    @Override
    public AsynchronousFileChannel truncate(long size) throws IOException {
        if (size < 0) {
            throw new IllegalArgumentException("Negative size");
        }
        if (!writing) {
            throw new NonWritableChannelException();
        }
        if (closed) {
            // the JDK's truncate reports a closed channel as an asynchronous close (its end())
            throw new java.nio.channels.AsynchronousCloseException();
        }
        if (size < file.size()) {
            file.truncate(size);
        }
        return this;
    }

    @Override
    public void force(boolean metaData) throws IOException {
        ensureOpen();
        ChannelFuture<Integer> f = new ChannelFuture<>(dispatcher, null);
        start(new ChannelIo(this, metaData ? ChannelIo.Kind.FSYNC : ChannelIo.Kind.FDSYNC, null, 0, f, null, null));
        Blocking.await(f);
    }

    @Override
    public Future<Integer> read(ByteBuffer dst, long position) {
        return io(ChannelIo.Kind.READ, dst, position, null, (CompletionHandler<Integer, Object>) null);
    }

    @Override
    public <A> void read(ByteBuffer dst, long position, A attachment, CompletionHandler<Integer, ? super A> handler) {
        Objects.requireNonNull(handler, "'handler' is null");
        io(ChannelIo.Kind.READ, dst, position, attachment, handler);
    }

    @Override
    public Future<Integer> write(ByteBuffer src, long position) {
        return io(ChannelIo.Kind.WRITE, src, position, null, (CompletionHandler<Integer, Object>) null);
    }

    @Override
    public <A> void write(ByteBuffer src, long position, A attachment, CompletionHandler<Integer, ? super A> handler) {
        Objects.requireNonNull(handler, "'handler' is null");
        io(ChannelIo.Kind.WRITE, src, position, attachment, handler);
    }

    private <A> Future<Integer> io(ChannelIo.Kind kind, ByteBuffer buf, long position, A attachment,
            CompletionHandler<Integer, ? super A> handler) {
        if (position < 0) {
            throw new IllegalArgumentException("Negative position");
        }
        if (kind == ChannelIo.Kind.READ) {
            if (!reading) {
                throw new NonReadableChannelException();
            }
            if (buf.isReadOnly()) {
                throw new IllegalArgumentException("Read-only buffer");
            }
        } else if (!writing) {
            throw new NonWritableChannelException();
        }
        if (closed || !buf.hasRemaining()) {
            Throwable exc = closed ? new ClosedChannelException() : null;
            if (handler == null) {
                return ChannelFuture.completed(0, exc);
            }
            invokeIndirectly(handler, attachment, 0, exc);
            return null;
        }
        ChannelFuture<Integer> f = handler == null ? new ChannelFuture<>(dispatcher, this) : null;
        start(new ChannelIo(this, kind, buf, position, f, handler, attachment));
        return f;
    }

    private void start(ChannelIo op) {
        pending.begin();
        dispatcher.submit(op);
    }

    /** An operation of this channel finished (before its caller hears of it). */
    void operationDone() {
        pending.end();
    }

    /** Invokes a handler on the executor, or here (the completion thread) without one. */
    <V, A> void invoke(CompletionHandler<V, ? super A> handler, A attachment, V value, Throwable failure) {
        if (executor == null) {
            Handlers.invoke(handler, attachment, value, failure);
            return;
        }
        try {
            executor.execute(() -> Handlers.invoke(handler, attachment, value, failure));
        } catch (RejectedExecutionException e) {
            Handlers.invoke(handler, attachment, value, failure); // never lose a completion
        }
    }

    /** Invokes a handler off the calling thread (results known at the call), as the JDK does. */
    private <V, A> void invokeIndirectly(CompletionHandler<V, ? super A> handler, A attachment, V value, Throwable failure) {
        if (executor == null) {
            Thread.ofVirtual().name("aio4j-handler").start(() -> Handlers.invoke(handler, attachment, value, failure));
        } else {
            invoke(handler, attachment, value, failure);
        }
    }

    @Override
    public <A> void lock(long position, long size, boolean shared, A attachment,
            CompletionHandler<FileLock, ? super A> handler) {
        Objects.requireNonNull(handler, "'handler' is null");
        lockAsync(position, size, shared, attachment, handler);
    }

    @Override
    public Future<FileLock> lock(long position, long size, boolean shared) {
        return lockAsync(position, size, shared, null, null);
    }

    private <A> Future<FileLock> lockAsync(long position, long size, boolean shared, A attachment,
            CompletionHandler<FileLock, ? super A> handler) {
        checkLockMode(shared);
        if (!closed) {
            checkLockRange(position, size); // as the JDK: a closed channel first, then the range
        }
        FileLock now = null;
        Throwable exc = null;
        try {
            now = closed ? null : locks.tryLock(this, position, size, shared);
            if (closed) {
                exc = new ClosedChannelException();
            }
        } catch (IOException e) {
            exc = closed ? new ClosedChannelException() : e;
        }
        if (now != null || exc != null) {
            if (handler == null) {
                return ChannelFuture.completed(now, exc);
            }
            invokeIndirectly(handler, attachment, now, exc);
            return null;
        }
        ChannelFuture<FileLock> f = handler == null ? new ChannelFuture<>(null, this) : null;
        Runnable wait = () -> {
            FileLock l = null;
            Throwable t = null;
            try {
                l = locks.lock(this, position, size, shared);
            } catch (IOException e) {
                t = closed ? new java.nio.channels.AsynchronousCloseException() : e;
            } catch (RuntimeException e) {
                t = e;
            }
            if (f != null) {
                f.set(l, t);
            } else {
                Handlers.invoke(handler, attachment, l, t);
            }
        };
        if (executor == null) {
            Thread.ofVirtual().name("aio4j-lock").start(wait);
        } else {
            executor.execute(wait);
        }
        return f;
    }

    @Override
    public FileLock tryLock(long position, long size, boolean shared) throws IOException {
        checkLockMode(shared);
        ensureOpen();
        checkLockRange(position, size);
        return locks.tryLock(this, position, size, shared);
    }

    /**
     * The JDK's order for lock and tryLock: the lock's mode against the channel's, then a closed
     * channel (a failed future, or ClosedChannelException from tryLock), then the range.
     */
    private void checkLockMode(boolean shared) {
        if (shared && !reading) {
            throw new NonReadableChannelException();
        }
        if (!shared && !writing) {
            throw new NonWritableChannelException();
        }
    }

    private static void checkLockRange(long position, long size) {
        if (position < 0) {
            throw new IllegalArgumentException("Negative position");
        }
        if (size < 0) {
            throw new IllegalArgumentException("Negative size");
        }
        if (size > 0 && position + size < 0) {
            throw new IllegalArgumentException("Negative position + size");
        }
    }

    private void ensureOpen() throws ClosedChannelException {
        if (closed) {
            throw new ClosedChannelException();
        }
    }

    /**
     * Closes the channel: new operations fail with ClosedChannelException, queued ones with
     * AsynchronousCloseException; waits for those in flight (unless on the completion thread),
     * releases the locks and closes the file.
     */
    @Override
    public void close() throws IOException {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        IOException failure = null;
        try {
            locks.close();
        } catch (IOException e) {
            failure = e;
        }
        if (!dispatcher.isCompletionThread()) {
            pending.awaitNone();
        }
        try {
            file.close();
        } catch (IOException e) {
            failure = failure == null ? e : failure;
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public String toString() {
        return "Aio4jAsynchronousFileChannel[" + file + ", " + dispatcher.context().engineInfo().engine()
                + (closed ? ", closed" : "") + "]";
    }
}
