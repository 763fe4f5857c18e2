package io.aio4j.bench.run;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;

/**
 * An in-memory backend that completes each request at submit, recording what the runner asked
 * for. A request is in flight from its submit until the runner reaps it; {@link #overlaps} counts
 * requests submitted while another one to the same offset was in flight. Faults: {@link
 * #failAtOffset} (an EIO), {@link #loseWriteAt} (the write is acknowledged but not stored).
 */
final class FakeBackend implements IoBackend {
    final MemorySegment file;
    final MemorySegment[] buffers;
    final int[] op;
    final long[] offset;
    final int[] length;
    final int[] doneSlot;
    final long[] doneRes;
    int done;
    int inFlight;
    int maxInFlight;
    final List<Integer> batchSizes = new ArrayList<>();
    final List<Long> readOffsets = new ArrayList<>();
    final List<Long> writeOffsets = new ArrayList<>();
    /** If {@link #keepLog}, every read and write in submission order: {op, offset}. */
    final List<long[]> log = new ArrayList<>();
    boolean keepLog;
    int fsyncs;
    int writesBeforeLastFsync;
    long failAtOffset = -1;
    long loseWriteAt = -1;
    int overlaps;
    /** I/Os in flight per block (of {@code blockSize}), for {@link #overlaps}. */
    private final int[] inFlightAt;
    private final int blockSize;
    boolean closed;
    /** How long each reap call sleeps first, in ms (time the runner spends outside submit). */
    long reapSleepMillis;

    FakeBackend(long fileBytes, int depth, int blockSize) {
        Arena a = Arena.ofAuto();
        file = a.allocate(fileBytes);
        buffers = new MemorySegment[depth];
        for (int i = 0; i < depth; i++) {
            buffers[i] = a.allocate(blockSize, 4096);
        }
        op = new int[depth];
        offset = new long[depth];
        length = new int[depth];
        doneSlot = new int[depth];
        doneRes = new long[depth];
        this.blockSize = blockSize;
        inFlightAt = new int[(int) (fileBytes / blockSize)];
    }

    @Override
    public String name() {
        return "fake";
    }

    @Override
    public String description() {
        return "fake in-memory backend";
    }

    @Override
    public MemorySegment buffer(int slot) {
        return buffers[slot];
    }

    @Override
    public void prepRead(int slot, long off, int len) {
        op[slot] = IoSource.READ;
        offset[slot] = off;
        length[slot] = len;
    }

    @Override
    public void prepWrite(int slot, long off, int len) {
        op[slot] = IoSource.WRITE;
        offset[slot] = off;
        length[slot] = len;
    }

    @Override
    public void prepFsync(int slot) {
        op[slot] = IoSource.FSYNC;
    }

    @Override
    public int submit(int[] slots, int from, int count) {
        batchSizes.add(count);
        for (int i = 0; i < count; i++) {
            int s = slots[from + i];
            long res = length[s];
            if (keepLog && op[s] != IoSource.FSYNC) {
                log.add(new long[] {op[s], offset[s]});
            }
            switch (op[s]) {
                case IoSource.READ -> {
                    readOffsets.add(offset[s]);
                    MemorySegment.copy(file, offset[s], buffers[s], 0, length[s]);
                }
                case IoSource.WRITE -> {
                    writeOffsets.add(offset[s]);
                    if (offset[s] != loseWriteAt) {
                        MemorySegment.copy(buffers[s], 0, file, offset[s], length[s]);
                    }
                }
                default -> {
                    fsyncs++;
                    writesBeforeLastFsync = writeOffsets.size();
                    res = 0;
                }
            }
            if (offset[s] == failAtOffset && op[s] != IoSource.FSYNC) {
                res = -5;
            }
            if (op[s] != IoSource.FSYNC && ++inFlightAt[(int) (offset[s] / blockSize)] > 1) {
                overlaps++;
            }
            doneSlot[done] = s;
            doneRes[done++] = res;
            inFlight++;
        }
        maxInFlight = Math.max(maxInFlight, inFlight);
        return count;
    }

    @Override
    public int reap(int min, int max, int[] doneSlots, long[] doneResults) {
        if (done < min) {
            throw new AssertionError("runner waits for " + min + " with only " + done + " completed: it would hang");
        }
        if (reapSleepMillis > 0) {
            try {
                Thread.sleep(reapSleepMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        int n = Math.min(max, done);
        for (int i = 0; i < n; i++) {
            int s = doneSlot[i];
            if (op[s] != IoSource.FSYNC) {
                inFlightAt[(int) (offset[s] / blockSize)]--;
            }
        }
        System.arraycopy(doneSlot, 0, doneSlots, 0, n);
        System.arraycopy(doneRes, 0, doneResults, 0, n);
        System.arraycopy(doneSlot, n, doneSlot, 0, done - n);
        System.arraycopy(doneRes, n, doneRes, 0, done - n);
        done -= n;
        inFlight -= n;
        return n;
    }

    @Override
    public void close() {
        closed = true;
    }
}
