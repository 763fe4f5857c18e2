package io.aio4j.bench.run;

import io.aio4j.FileOption;
import io.aio4j.IoContext;
import io.aio4j.IoEvent;
import io.aio4j.IoFile;
import io.aio4j.IoRequest;
import io.aio4j.bench.options.IoEngine;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Drives an aio4j {@link IoContext}: one preallocated {@link IoRequest} and buffer per slot, one
 * event array, the slot number carried as the request's user datum.
 */
final class AioBackend implements IoBackend {
    private final IoEngine engine;
    /** Automatic: a shared arena's close is a handshake with every thread, O(jobs^2) over 512 job threads. */
    private final Arena arena = Arena.ofAuto();
    private final IoContext context;
    private final IoFile file;
    private final IoRequest[] requests;
    private final IoRequest[] batch;
    private final IoEvent[] events;
    private final MemorySegment[] buffers;

    private AioBackend(IoEngine engine, IoContext context, IoFile file, int depth, int blockSize, int alignment) {
        this.engine = engine;
        this.context = context;
        this.file = file;
        this.requests = new IoRequest[depth];
        this.batch = new IoRequest[depth];
        this.events = IoEvent.array(depth);
        this.buffers = new MemorySegment[depth];
        for (int i = 0; i < depth; i++) {
            requests[i] = new IoRequest();
            buffers[i] = arena.allocate(blockSize, Math.max(alignment, 4096));
        }
    }

    /**
     * Opens a context of {@code depth} entries on {@code engine} and the file.
     *
     * @throws IOException if the engine or the file cannot be opened (the engine's reason included)
     */
    static AioBackend open(IoEngine engine, Path path, boolean write, boolean direct, int depth, int blockSize)
            throws IOException {
        IoContext ctx = IoContext.open(depth, engine.contextOptions());
        try {
            List<FileOption> opts = new ArrayList<>(List.of(FileOption.READ));
            if (write) {
                opts.add(FileOption.WRITE);
            }
            if (direct) {
                opts.add(FileOption.DIRECT);
            }
            IoFile f = ctx.openFile(path, opts.toArray(FileOption[]::new));
            if (direct && blockSize % f.alignment() != 0) {
                throw new IOException(path + ": O_DIRECT needs --bs a multiple of " + f.alignment() + ", not " + blockSize);
            }
            return new AioBackend(engine, ctx, f, depth, blockSize, f.alignment());
        } catch (IOException | RuntimeException e) {
            ctx.close();
            throw e;
        }
    }

    @Override
    public String name() {
        return engine.fioName();
    }

    @Override
    public String description() {
        var info = context.engineInfo();
        return engine.fioName() + " = aio4j " + info.engine() + " " + context.options().flags()
                + (info.downgrades().isEmpty() ? "" : ", downgrades: " + info.downgrades());
    }

    @Override
    public MemorySegment buffer(int slot) {
        return buffers[slot];
    }

    @Override
    public void prepRead(int slot, long offset, int length) {
        requests[slot].prepRead(file, buffers[slot], length, offset).userData(slot);
    }

    @Override
    public void prepWrite(int slot, long offset, int length) {
        requests[slot].prepWrite(file, buffers[slot], length, offset).userData(slot);
    }

    @Override
    public void prepFsync(int slot) {
        requests[slot].prepFsync(file).userData(slot);
    }

    @Override
    public int submit(int[] slots, int from, int count) {
        for (int i = 0; i < count; i++) {
            batch[i] = requests[slots[from + i]];
        }
        return context.submit(batch, 0, count);
    }

    @Override
    public int reap(int min, int max, int[] doneSlots, long[] doneResults) throws InterruptedException {
        int n = context.getEvents(min, events, 0, max, min == 0 ? 0 : -1);
        for (int i = 0; i < n; i++) {
            doneSlots[i] = (int) events[i].userData();
            doneResults[i] = events[i].result();
        }
        return n;
    }

    @Override
    public void close() throws IOException {
        try {
            file.close();
        } finally {
            context.close(); // the buffers' automatic arena is freed by the GC
        }
    }
}
