package io.aio4j.bench.jmh;

import io.aio4j.bench.options.Invocation;
import io.aio4j.bench.options.JobSpec;
import io.aio4j.bench.options.JobSpecs;
import io.aio4j.bench.run.Backends;
import io.aio4j.bench.run.FilePrep;
import io.aio4j.bench.run.IoBackend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Per-request cost of submit plus reap of a 4 KiB read of a page-cached file, through each
 * engine exactly as {@code ./aio4j bench} drives it ({@link IoBackend}), one request at a time and
 * in batches of 32, and of one buffered 4 KiB write into it. With {@code -prof gc}, {@code gc.alloc.rate.norm} is the allocation per
 * request (the aio4j engines should show 0; the JDK's channel allocates per operation).
 *
 * <p>Run (from the project root, after {@code ./mvnw -q -B -DskipTests package}):
 * <pre>
 * java --enable-native-access=ALL-UNNAMED \
 *   -cp aio4j-bench/target/aio4j-bench-0.1.0-SNAPSHOT.jar:$(cat aio4j-bench/target/classpath.txt) \
 *   org.openjdk.jmh.Main SubmitReapBenchmark -prof gc
 * </pre>
 * Pick engines with {@code -p ioengine=io_uring,jdk}. An engine not available here fails its
 * trial with the reason; the others still run.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class SubmitReapBenchmark {
    private static final int BATCH = 32;
    private static final int BLOCKS = 16384; // 64 MiB of 4 KiB blocks

    /** The engine, in fio's spelling. */
    @Param({"io_uring", "libaio", "threadpool", "psync", "jdk"})
    public String ioengine;

    private Path file;
    private IoBackend io;
    private final int[] slots = new int[BATCH];
    private final int[] doneSlots = new int[BATCH];
    private final long[] doneResults = new long[BATCH];
    private long block;

    /** Opens the engine over a 64 MiB page-cached file, for reading and writing. */
    @Setup(Level.Trial)
    public void setup() throws IOException {
        file = Files.createTempFile("aio4j-jmh-", ".dat");
        JobSpec spec = JobSpecs.resolve(Invocation.parse(List.of("--name=jmh", "--filename=" + file, "--size=64m",
                "--rw=randrw", "--bs=4k", "--iodepth=" + BATCH, "--ioengine=" + ioengine)).jobs()).getFirst();
        FilePrep.prepare(spec);
        io = Backends.open(spec);
        for (int i = 0; i < BATCH; i++) {
            slots[i] = i;
        }
    }

    /** Closes the engine and deletes the file. */
    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        if (io != null) {
            io.close();
        }
        Files.deleteIfExists(file);
    }

    private long nextOffset() {
        block = (block + 7919) % BLOCKS; // a stride coprime with the block count: every block, scattered
        return block * 4096;
    }

    /** One read: prepare, submit, reap. */
    @Benchmark
    public long one() throws Exception {
        io.prepRead(0, nextOffset(), 4096);
        return submitAndReapOne();
    }

    /**
     * One buffered 4 KiB write over the page-cached file: on Linux AIO and io_uring the path of
     * the write gate (inline while writes prove to be page-cache copies), on threadpool a worker.
     */
    @Benchmark
    public long oneWrite() throws Exception {
        io.prepWrite(0, nextOffset(), 4096);
        return submitAndReapOne();
    }

    /** Submits the request prepared in slot 0 and reaps its completion; returns its result. */
    private long submitAndReapOne() throws Exception {
        io.submit(slots, 0, 1);
        io.reap(1, 1, doneSlots, doneResults);
        return doneResults[0];
    }

    /** 32 reads prepared, submitted in one call and reaped together; the score is per read. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long batch32() throws Exception {
        for (int i = 0; i < BATCH; i++) {
            io.prepRead(i, nextOffset(), 4096);
        }
        int submitted = io.submit(slots, 0, BATCH);
        long sum = 0;
        for (int got = 0; got < submitted; ) {
            int n = io.reap(1, BATCH, doneSlots, doneResults);
            for (int i = 0; i < n; i++) {
                sum += doneResults[i];
            }
            got += n;
        }
        return sum;
    }
}
