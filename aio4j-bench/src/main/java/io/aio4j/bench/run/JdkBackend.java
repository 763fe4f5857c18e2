package io.aio4j.bench.run;

import io.aio4j.Errno;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousFileChannel;
import java.nio.channels.CompletionHandler;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The reference: the JDK's own {@link AsynchronousFileChannel} (its default thread pool), driven
 * like any engine. fsync is {@code force(true)}, run inline on the job thread because the channel
 * has no asynchronous form of it. Failures complete with -EIO; {@link #lastError()} keeps the cause.
 */
final class JdkBackend implements IoBackend {
    private final AsynchronousFileChannel channel;
    private final ByteBuffer[] buffers;
    private final MemorySegment[] segments;
    private final Slot[] slots;
    private final CompletionQueue done;
    private volatile Throwable lastError;

    private final class Slot implements CompletionHandler<Integer, Void> {
        final int index;
        boolean write;
        boolean fsync;
        long offset;

        Slot(int index) {
            this.index = index;
        }

        @Override
        public void completed(Integer result, Void unused) {
            done.push(index, result);
        }

        @Override
        public void failed(Throwable t, Void unused) {
            lastError = t;
            done.push(index, -Errno.EIO);
        }
    }

    private JdkBackend(AsynchronousFileChannel channel, int depth, int blockSize, int alignment) {
        this.channel = channel;
        this.buffers = new ByteBuffer[depth];
        this.segments = new MemorySegment[depth];
        this.slots = new Slot[depth];
        this.done = new CompletionQueue(depth);
        for (int i = 0; i < depth; i++) {
            buffers[i] = ByteBuffer.allocateDirect(blockSize + alignment).alignedSlice(alignment).limit(blockSize).slice();
            segments[i] = MemorySegment.ofBuffer(buffers[i]);
            slots[i] = new Slot(i);
        }
    }

    /**
     * Opens the channel.
     *
     * @throws IOException if the file cannot be opened (O_DIRECT included)
     */
    static JdkBackend open(Path path, boolean write, boolean direct, int depth, int blockSize) throws IOException {
        List<OpenOption> opts = new ArrayList<>(List.of(StandardOpenOption.READ));
        int alignment = 4096;
        if (write) {
            opts.add(StandardOpenOption.WRITE);
        }
        if (direct) {
            opts.add(directOption());
            long deviceBlock = Files.getFileStore(path).getBlockSize();
            alignment = (int) Math.max(alignment, deviceBlock);
            if (blockSize % deviceBlock != 0) {
                throw new IOException(path + ": O_DIRECT needs --bs a multiple of " + deviceBlock);
            }
        }
        return new JdkBackend(AsynchronousFileChannel.open(path, opts.toArray(OpenOption[]::new)), depth, blockSize, alignment);
    }

    /** com.sun.nio.file.ExtendedOpenOption.DIRECT, found by name (the type is JDK-internal API). */
    private static OpenOption directOption() throws IOException {
        try {
            for (Object o : Class.forName("com.sun.nio.file.ExtendedOpenOption").getEnumConstants()) {
                if (((Enum<?>) o).name().equals("DIRECT")) {
                    return (OpenOption) o;
                }
            }
        } catch (ClassNotFoundException e) {
            // fall through
        }
        throw new IOException("this JDK has no O_DIRECT open option (com.sun.nio.file.ExtendedOpenOption.DIRECT)");
    }

    @Override
    public String name() {
        return "jdk";
    }

    @Override
    public String description() {
        return "jdk = java.nio.channels.AsynchronousFileChannel (" + channel.getClass().getSimpleName() + ", default pool)";
    }

    /** The last failure reported by the channel, or null. */
    Throwable lastError() {
        return lastError;
    }

    @Override
    public MemorySegment buffer(int slot) {
        return segments[slot];
    }

    @Override
    public void prepRead(int slot, long offset, int length) {
        prep(slot, false, false, offset, length);
    }

    @Override
    public void prepWrite(int slot, long offset, int length) {
        prep(slot, true, false, offset, length);
    }

    @Override
    public void prepFsync(int slot) {
        prep(slot, false, true, 0, 0);
    }

    private void prep(int slot, boolean write, boolean fsync, long offset, int length) {
        Slot s = slots[slot];
        s.write = write;
        s.fsync = fsync;
        s.offset = offset;
        buffers[slot].clear().limit(length);
    }

    @Override
    public int submit(int[] slotList, int from, int count) {
        for (int i = 0; i < count; i++) {
            Slot s = slots[slotList[from + i]];
            if (s.fsync) {
                try {
                    channel.force(true);
                    done.push(s.index, 0);
                } catch (IOException e) {
                    s.failed(e, null);
                }
            } else if (s.write) {
                channel.write(buffers[s.index], s.offset, null, s);
            } else {
                channel.read(buffers[s.index], s.offset, null, s);
            }
        }
        return count;
    }

    @Override
    public int reap(int min, int max, int[] doneSlots, long[] doneResults) throws InterruptedException {
        return done.take(min, max, doneSlots, doneResults);
    }

    @Override
    public void close() throws IOException {
        channel.close(); // in-flight operations complete (or fail with AsynchronousCloseException) on the pool
    }
}
