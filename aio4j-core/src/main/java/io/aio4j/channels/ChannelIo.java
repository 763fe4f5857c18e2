package io.aio4j.channels;

import io.aio4j.IoRequest;
import io.aio4j.async.Operation;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.CompletionHandler;

/**
 * One read, write or force of an {@link Aio4jAsynchronousFileChannel}, completing either a
 * {@link ChannelFuture} or a CompletionHandler, as the JDK does: a read returns -1 at EOF, the
 * buffer's position advances by the bytes transferred before the caller hears of it, and an
 * operation that the channel's close cut off fails with {@link AsynchronousCloseException}.
 */
final class ChannelIo extends Operation {
    enum Kind { READ, WRITE, FSYNC, FDSYNC }

    private final Aio4jAsynchronousFileChannel channel;
    private final Kind kind;
    private final ByteBuffer buffer;
    private final MemorySegment segment;
    private final int start;
    private final long position;
    private final ChannelFuture<Integer> future;
    private final CompletionHandler<Integer, Object> handler;
    private final Object attachment;

    @SuppressWarnings("unchecked")
    ChannelIo(Aio4jAsynchronousFileChannel channel, Kind kind, ByteBuffer buffer, long position,
            ChannelFuture<Integer> future, CompletionHandler<Integer, ?> handler, Object attachment) {
        this.channel = channel;
        this.kind = kind;
        this.buffer = buffer;
        this.segment = buffer == null ? null : MemorySegment.ofBuffer(buffer); // position..limit
        this.start = buffer == null ? 0 : buffer.position();
        this.position = position;
        this.future = future;
        this.handler = (CompletionHandler<Integer, Object>) handler;
        this.attachment = attachment;
    }

    @Override
    protected boolean prepare(IoRequest r) {
        if (!channel.isOpen()) {
            finish(null, new AsynchronousCloseException());
            return false;
        }
        switch (kind) {
            case READ -> r.prepRead(channel.file(), segment, position);
            case WRITE -> r.prepWrite(channel.file(), segment, position);
            case FSYNC -> r.prepFsync(channel.file());
            case FDSYNC -> r.prepFdatasync(channel.file());
        }
        return true;
    }

    @Override
    protected void complete(long result) {
        if (result < 0) {
            finish(null, failure(channel.isOpen(), result, callName(), channel.file().fd(), position,
                    segment == null ? -1 : segment.byteSize()));
            return;
        }
        int n = (int) result;
        if (n > 0 && buffer != null) {
            buffer.position(start + n);
        }
        finish(kind == Kind.READ && n == 0 ? -1 : n, null);
    }

    @Override
    protected void abort(Throwable cause) {
        finish(null, failure(channel.isOpen(), cause));
    }

    private String callName() {
        return switch (kind) {
            case READ -> "pread";
            case WRITE -> "pwrite";
            case FSYNC -> "fsync";
            case FDSYNC -> "fdatasync";
        };
    }

    private void finish(Integer value, Throwable failure) {
        channel.operationDone();
        if (future != null) {
            future.set(value, failure);
        } else {
            channel.invoke(handler, attachment, value, failure);
        }
    }
}
