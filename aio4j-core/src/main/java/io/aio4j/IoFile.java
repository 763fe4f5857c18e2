package io.aio4j;

import io.aio4j.spi.EngineFile;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * A file opened through an {@link IoContext}, which owns its descriptor.
 *
 * <p>The descriptor stays open while any request that uses it is in flight: {@link #close()}
 * only marks the file closed, and the descriptor is closed when the last such request is reaped,
 * so a recycled descriptor number can never receive another file's I/O. Requests submitted after
 * close complete with -EBADF. Closing twice is harmless. Thread-safe.
 */
public final class IoFile implements AutoCloseable {
    private static final VarHandle REFS;
    private static final VarHandle CLOSED;

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            REFS = l.findVarHandle(IoFile.class, "refs", int.class);
            CLOSED = l.findVarHandle(IoFile.class, "closed", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final IoContext context;
    private final Path path;
    private final Set<FileOption> options;
    private final EngineFile handle;
    private final boolean readable;
    private final boolean writable;
    /** One for the open handle, plus one per request in flight. The descriptor closes at 0. */
    @SuppressWarnings("unused")
    private volatile int refs = 1;
    @SuppressWarnings("unused")
    private volatile boolean closed;
    private volatile IOException closeError;

    IoFile(IoContext context, Path path, Set<FileOption> options, EngineFile handle) {
        this.context = context;
        this.path = path;
        EnumSet<FileOption> o = EnumSet.noneOf(FileOption.class);
        o.addAll(options);
        this.options = Collections.unmodifiableSet(o);
        this.handle = handle;
        this.writable = o.contains(FileOption.WRITE);
        this.readable = o.contains(FileOption.READ) || !writable;
    }

    /** {@return the context that opened this file} */
    public IoContext context() {
        return context;
    }

    /** {@return the path it was opened with} */
    public Path path() {
        return path;
    }

    /** {@return the options it was opened with} */
    public Set<FileOption> options() {
        return options;
    }

    /** {@return the descriptor, or -1 where the engine does not use descriptors} */
    public int fd() {
        return handle.fd();
    }

    /** {@return whether the file was opened for reading} */
    public boolean readable() {
        return readable;
    }

    /** {@return whether the file was opened for writing} */
    public boolean writable() {
        return writable;
    }

    /** {@return whether the file was opened O_DIRECT} */
    public boolean isDirect() {
        return options.contains(FileOption.DIRECT);
    }

    /**
     * The alignment O_DIRECT needs of buffer addresses, offsets and lengths, in bytes (from
     * statx STATX_DIOALIGN where the kernel reports it, else the logical block size); 1 when the
     * file is not O_DIRECT. See docs/guide.md, "Alignment".
     *
     * @return the alignment in bytes, a power of two
     */
    public int alignment() {
        return handle.alignment();
    }

    /**
     * Whether the file's data lives only in memory (tmpfs such as /dev/shm, ramfs), as the engine
     * found when it opened the file. The Linux engines run buffered I/O on such files inline on
     * the submitting thread: it only copies memory, and the kernel cannot try it without blocking
     * (RWF_NOWAIT is not supported there), so it would otherwise cost a hand-off to a worker.
     *
     * @return true for a memory-backed file; false when unknown
     */
    public boolean isMemoryBacked() {
        return handle.memoryBacked();
    }

    /** {@return whether {@link #close()} has not been called} */
    public boolean isOpen() {
        return !closed;
    }

    /**
     * The file's size, now (a synchronous statx).
     *
     * @return the size in bytes
     * @throws java.nio.channels.ClosedChannelException if the file is closed
     * @throws IOException if the system call fails
     */
    public long size() throws IOException {
        ensureOpen();
        return handle.size();
    }

    /**
     * Sets the file's size, cutting or extending it with zeros (a synchronous ftruncate).
     *
     * @param size the new size in bytes
     * @throws IllegalArgumentException if {@code size < 0}
     * @throws java.nio.channels.NonWritableChannelException if the file was not opened for writing
     * @throws java.nio.channels.ClosedChannelException if the file is closed
     * @throws IOException if the system call fails
     */
    public void truncate(long size) throws IOException {
        if (size < 0) {
            throw new IllegalArgumentException("size=" + size + " is negative");
        }
        ensureOpen();
        if (!writable) {
            throw new java.nio.channels.NonWritableChannelException();
        }
        handle.truncate(size);
    }

    /**
     * The engine's handle. For engines and front ends; the handle must not be closed directly.
     *
     * @return the handle
     */
    public EngineFile handle() {
        return handle;
    }

    /**
     * Closes the file: new requests on it complete with -EBADF; the descriptor is closed once the
     * requests in flight on it are reaped. Idempotent.
     *
     * @throws IOException if the descriptor was closed here and close(2) failed
     */
    @Override
    public void close() throws IOException {
        if (CLOSED.compareAndSet(this, false, true)) {
            context.forget(this);
            release();
            IOException e = closeError;
            if (e != null) {
                throw e;
            }
        }
    }

    /** Takes a reference for a request; false if the file is closed. */
    boolean acquire() {
        if (closed) {
            return false;
        }
        while (true) {
            int r = (int) REFS.getVolatile(this);
            if (r <= 0) {
                return false;
            }
            if (REFS.compareAndSet(this, r, r + 1)) {
                return true;
            }
        }
    }

    /** Drops a reference; the last one closes the descriptor. */
    void release() {
        if ((int) REFS.getAndAdd(this, -1) == 1) {
            try {
                handle.close();
            } catch (IOException e) {
                closeError = e;
            }
        }
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new java.nio.channels.ClosedChannelException();
        }
    }

    @Override
    public String toString() {
        return "IoFile[" + path + ", fd=" + fd() + ", " + options + (closed ? ", closed" : "") + "]";
    }
}
