package io.aio4j.channels;

import java.io.IOException;
import java.nio.channels.AsynchronousFileChannel;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;

/**
 * File locks of an aio4j channel, taken through a {@link FileChannel} opened on the same path
 * with the same access, so they have the JDK's semantics exactly: POSIX record locks, one JVM-wide
 * lock table per file (an overlapping lock in this JVM is an {@code OverlappingFileLockException}),
 * shared locks need read access and exclusive ones write access. The FileChannel is opened on the
 * first lock (or at once with DELETE_ON_CLOSE, before the path is unlinked) and closed with the
 * channel, which, as POSIX has it, releases every lock.
 */
final class ChannelLocks {
    private final Path path;
    private final boolean read;
    private final boolean write;
    private FileChannel channel;
    private boolean closed;

    ChannelLocks(Path path, boolean read, boolean write) {
        this.path = path;
        this.read = read;
        this.write = write;
    }

    /** Opens the lock channel now (before a DELETE_ON_CLOSE unlink). */
    synchronized void openNow() throws IOException {
        channel();
    }

    private synchronized FileChannel channel() throws IOException {
        if (closed) {
            throw new ClosedChannelException();
        }
        if (channel == null) {
            Set<OpenOption> o = new HashSet<>();
            if (read) {
                o.add(StandardOpenOption.READ);
            }
            if (write) {
                o.add(StandardOpenOption.WRITE);
            }
            channel = FileChannel.open(path, o);
        }
        return channel;
    }

    /**
     * Tries the lock without waiting; null if another process holds a conflicting one.
     *
     * @throws java.nio.channels.OverlappingFileLockException if this JVM holds an overlapping lock
     */
    FileLock tryLock(AsynchronousFileChannel owner, long position, long size, boolean shared) throws IOException {
        FileLock l = channel().tryLock(position, size, shared);
        return l == null ? null : new Aio4jFileLock(owner, l);
    }

    /** Waits for the lock (blocking; run off the caller's thread). */
    FileLock lock(AsynchronousFileChannel owner, long position, long size, boolean shared) throws IOException {
        return new Aio4jFileLock(owner, channel().lock(position, size, shared));
    }

    /** Closes the lock channel, releasing and invalidating every lock. */
    synchronized void close() throws IOException {
        closed = true;
        if (channel != null) {
            channel.close();
        }
    }

    /** A lock of the aio4j channel, backed by the FileChannel's lock. */
    private static final class Aio4jFileLock extends FileLock {
        private final FileLock delegate;

        Aio4jFileLock(AsynchronousFileChannel owner, FileLock delegate) {
            super(owner, delegate.position(), delegate.size(), delegate.isShared());
            this.delegate = delegate;
        }

        @Override
        public boolean isValid() {
            return delegate.isValid() && acquiredBy().isOpen();
        }

        @Override
        public void release() throws IOException {
            if (!acquiredBy().isOpen()) {
                throw new ClosedChannelException();
            }
            delegate.release();
        }
    }
}
