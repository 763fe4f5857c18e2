package io.aio4j.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.aio4j.bench.options.Invocation;
import io.aio4j.bench.options.JobSpecs;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The measured loop allocates nothing: ten times the I/O costs no more allocation than once. */
@Timeout(60)
class JobRunnerAllocationTest {
    /** Completes every request at submit; moves data only if it has a file (without allocating). */
    private static final class NullBackend implements IoBackend {
        private final MemorySegment[] buffers;
        private final int[] done;
        private final MemorySegment file;
        private final long[] offsets;
        private final boolean[] writes;
        private int count;

        NullBackend(int depth, MemorySegment file) {
            this.file = file;
            this.offsets = new long[depth];
            this.writes = new boolean[depth];
            buffers = new MemorySegment[depth];
            for (int i = 0; i < depth; i++) {
                buffers[i] = Arena.ofAuto().allocate(4096, 4096);
            }
            done = new int[depth];
        }

        @Override
        public String name() {
            return "null";
        }

        @Override
        public String description() {
            return "null";
        }

        @Override
        public MemorySegment buffer(int slot) {
            return buffers[slot];
        }

        @Override
        public void prepRead(int slot, long offset, int length) {
            offsets[slot] = offset;
            writes[slot] = false;
        }

        @Override
        public void prepWrite(int slot, long offset, int length) {
            offsets[slot] = offset;
            writes[slot] = true;
        }

        @Override
        public void prepFsync(int slot) {
        }

        @Override
        public int submit(int[] slots, int from, int n) {
            for (int i = 0; i < n; i++) {
                int s = slots[from + i];
                if (file != null && writes[s]) {
                    MemorySegment.copy(buffers[s], 0, file, offsets[s], 4096);
                } else if (file != null) {
                    MemorySegment.copy(file, offsets[s], buffers[s], 0, 4096);
                }
                done[count++] = s;
            }
            return n;
        }

        @Override
        public int reap(int min, int max, int[] doneSlots, long[] doneResults) {
            int n = Math.min(max, count);
            for (int i = 0; i < n; i++) {
                doneSlots[i] = done[count - 1 - i];
                doneResults[i] = 4096;
            }
            count -= n;
            return n;
        }

        @Override
        public void close() {
        }
    }

    private static long allocatedBy(long blocks, String... options) throws Exception {
        return allocatedBy(blocks, null, options);
    }

    private static long allocatedBy(long blocks, MemorySegment file, String... options) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("--name=a", "--iodepth=16", "--size=1m"));
        args.addAll(List.of(options));
        var spec = JobSpecs.resolve(Invocation.parse(args).jobs()).getFirst();
        var mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        if (file != null) {
            FilePrep.fillLayout(file, 0, (int) blocks, 4096); // what FilePrep does before each mixed verify job
        }
        JobResult result = new JobResult(spec);
        JobRunner runner = new JobRunner(spec, new NullBackend(16, file), result);
        long before = mx.getCurrentThreadAllocatedBytes();
        runner.run(blocks * 4096);
        long allocated = mx.getCurrentThreadAllocatedBytes() - before;
        assertThat(result.error()).as(result.errorMessage()).isZero();
        return allocated;
    }

    @Test
    void tenTimesTheIoAllocatesNoMore() throws Exception {
        String[] mixed = {"--rw=randrw", "--iodepth_batch_submit=4", "--fsync=7"};
        allocatedBy(200_000, mixed); // warm up: class loading and JIT happen here
        long small = allocatedBy(20_000, mixed);
        long large = allocatedBy(200_000, mixed);
        assertThat(large - small).as("bytes allocated by 180,000 more I/Os (small run: %d)", small).isLessThan(16 * 1024);
    }

    @Test
    void theLatencyHistogramsAreMadeAtSetUpNotInTheRun() throws Exception {
        // seed 003: 512 jobs making 70 MB of histograms in their first I/Os set off a collection in the run
        String[] mixed = {"--rw=randrw"};
        allocatedBy(20_000, mixed); // warm up
        long run = allocatedBy(2_000, mixed);
        assertThat(run).as("bytes the run of a mixed job allocates; its four histograms take 34 KB each").isLessThan(16 * 1024);
    }

    @Test
    void verifiedMixedIoAllocatesNothingPerIo() throws Exception {
        // the same 1,000-block file, 10 or 100 passes: the ledger costs the same, checked reads nothing
        MemorySegment file = Arena.ofAuto().allocate(1000 * 4096, 8);
        allocatedBy(1000, file, "--rw=randrw", "--verify=crc32c", "--loops=100");
        long small = allocatedBy(1000, file, "--rw=randrw", "--verify=crc32c", "--loops=10");
        long large = allocatedBy(1000, file, "--rw=randrw", "--verify=crc32c", "--loops=100");
        assertThat(large - small).as("bytes allocated by 90,000 more verified I/Os (small run: %d)", small).isLessThan(16 * 1024);
    }

    @Test
    void verifiedWritesAllocateNothingPerIoEither() throws Exception {
        String[] verified = {"--rw=randwrite", "--verify=crc32c", "--do_verify=0"};
        allocatedBy(200_000, verified);
        long small = allocatedBy(20_000, verified);
        long large = allocatedBy(200_000, verified);
        // the block ledger is sized up front: 180,000 more blocks cost 360 KB of it (2 bytes each), nothing per I/O
        assertThat(large - small).as("bytes allocated by 180,000 more I/Os (small run: %d)", small).isLessThan(2 * 180_000 + 16 * 1024);
    }
}
