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
    /** Completes every request at submit; records nothing. */
    private static final class NullBackend implements IoBackend {
        private final MemorySegment[] buffers;
        private final int[] done;
        private int count;

        NullBackend(int depth) {
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
        }

        @Override
        public void prepWrite(int slot, long offset, int length) {
        }

        @Override
        public void prepFsync(int slot) {
        }

        @Override
        public int submit(int[] slots, int from, int n) {
            for (int i = 0; i < n; i++) {
                done[count++] = slots[from + i];
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
        List<String> args = new java.util.ArrayList<>(List.of("--name=a", "--iodepth=16", "--size=1m"));
        args.addAll(List.of(options));
        var spec = JobSpecs.resolve(Invocation.parse(args).jobs()).getFirst();
        var mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        JobRunner runner = new JobRunner(spec, new NullBackend(16), new JobResult(spec));
        long before = mx.getCurrentThreadAllocatedBytes();
        runner.run(blocks * 4096);
        return mx.getCurrentThreadAllocatedBytes() - before;
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
    void verifiedWritesAllocateNothingPerIoEither() throws Exception {
        String[] verified = {"--rw=randwrite", "--verify=crc32c", "--do_verify=0"};
        allocatedBy(200_000, verified);
        long small = allocatedBy(20_000, verified);
        long large = allocatedBy(200_000, verified);
        // the written-block bitmap is sized up front: 180,000 more blocks cost 22.5 KB of it, nothing per I/O
        assertThat(large - small).as("bytes allocated by 180,000 more I/Os (small run: %d)", small).isLessThan(40 * 1024);
    }
}
