package io.aio4j.async;

import io.aio4j.IoFile;
import io.aio4j.IoRequest;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;

/**
 * One operation of an {@link AsyncFile}: completes a CompletableFuture, or wakes a thread parked
 * in a {@link BlockingFile} call. A ByteBuffer's position advances by the bytes transferred before
 * the caller hears of it.
 */
final class FileOp extends Operation {
    enum Kind { READ, WRITE, READV, WRITEV, FSYNC, FDSYNC, FALLOCATE }

    private final AsyncFile owner;
    private final Kind kind;
    private final MemorySegment segment;
    private final MemorySegment[] segments;
    private final ByteBuffer buffer;
    private final long position;
    private final long length;
    private final int mode;
    private final CompletableFuture<Object> future;
    private final Thread waiter;
    private volatile boolean done;
    private long result;
    private Throwable failure;

    private FileOp(AsyncFile owner, Kind kind, MemorySegment segment, MemorySegment[] segments, ByteBuffer buffer,
            long position, long length, int mode, boolean blocking) {
        this.owner = owner;
        this.kind = kind;
        this.segment = segment;
        this.segments = segments;
        this.buffer = buffer;
        this.position = position;
        this.length = length;
        this.mode = mode;
        this.future = blocking ? null : new CompletableFuture<>();
        this.waiter = blocking ? Thread.currentThread() : null;
    }

    static FileOp transfer(AsyncFile owner, Kind kind, MemorySegment segment, ByteBuffer buffer, long position, boolean blocking) {
        return new FileOp(owner, kind, segment, null, buffer, position, segment.byteSize(), 0, blocking);
    }

    static FileOp vectored(AsyncFile owner, Kind kind, MemorySegment[] segments, long position) {
        return new FileOp(owner, kind, null, segments.clone(), null, position, -1, 0, false);
    }

    static FileOp sync(AsyncFile owner, Kind kind, boolean blocking) {
        return new FileOp(owner, kind, null, null, null, 0, -1, 0, blocking);
    }

    static FileOp fallocate(AsyncFile owner, int mode, long offset, long length) {
        return new FileOp(owner, Kind.FALLOCATE, null, null, null, offset, length, mode, false);
    }

    /** The future: of a Long byte count for transfers, of null (Void) for the others. */
    @SuppressWarnings("unchecked")
    <T> CompletableFuture<T> future() {
        return (CompletableFuture<T>) future;
    }

    @Override
    protected boolean prepare(IoRequest r) {
        IoFile f = owner.file();
        switch (kind) {
            case READ -> r.prepRead(f, segment, position);
            case WRITE -> r.prepWrite(f, segment, position);
            case READV -> r.prepReadv(f, segments, position);
            case WRITEV -> r.prepWritev(f, segments, position);
            case FSYNC -> r.prepFsync(f);
            case FDSYNC -> r.prepFdatasync(f);
            case FALLOCATE -> r.prepFallocate(f, mode, position, length);
        }
        return true;
    }

    @Override
    protected void complete(long res) {
        if (res < 0) {
            finish(0, failure(owner.isOpen(), res, call(), owner.file().fd(), position, length));
            return;
        }
        if (buffer != null && res > 0) {
            buffer.position(buffer.position() + (int) res);
        }
        finish(res, null);
    }

    @Override
    protected void abort(Throwable cause) {
        finish(0, failure(owner.isOpen(), cause));
    }

    private String call() {
        return switch (kind) {
            case READ -> "pread";
            case WRITE -> "pwrite";
            case READV -> "preadv";
            case WRITEV -> "pwritev";
            case FSYNC -> "fsync";
            case FDSYNC -> "fdatasync";
            case FALLOCATE -> "fallocate";
        };
    }

    private void finish(long res, Throwable t) {
        owner.operationDone();
        if (future != null) {
            if (t == null) {
                future.complete(kind.ordinal() <= Kind.WRITEV.ordinal() ? (Object) res : null);
            } else {
                future.completeExceptionally(t);
            }
            return;
        }
        result = res;
        failure = t;
        done = true; // volatile: publishes result and failure to the parked caller
        LockSupport.unpark(waiter);
    }

    /**
     * Parks the calling thread (the one that made this op) until it completes; a virtual thread
     * unmounts. Uninterruptible, because the buffer is the kernel's until then; the interrupt
     * status is kept. On the completion thread it reaps meanwhile instead.
     */
    long await(IoDispatcher dispatcher) throws IOException {
        if (dispatcher.isCompletionThread()) {
            boolean interrupted = false;
            while (!done) {
                try {
                    dispatcher.helpUntil(() -> done);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        } else {
            while (!done) {
                LockSupport.park(this);
            }
        }
        if (failure != null) {
            if (failure instanceof IOException io) {
                throw io;
            }
            throw new IOException(failure);
        }
        return result;
    }
}
