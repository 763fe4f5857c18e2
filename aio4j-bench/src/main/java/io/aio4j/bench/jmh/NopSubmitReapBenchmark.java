package io.aio4j.bench.jmh;

import io.aio4j.IoContext;
import io.aio4j.IoEvent;
import io.aio4j.IoRequest;
import io.aio4j.bench.options.IoEngine;
import java.io.IOException;
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
 * The engine's own cost per request, without file I/O: submit plus reap of NOOP requests on an
 * {@link IoContext}, singly and in batches of 32. With {@code -prof gc},
 * {@code gc.alloc.rate.norm} is the allocation per request, which should be 0.
 *
 * <p>Run (from the project root, after {@code ./mvnw -q -B -DskipTests package}):
 * <pre>
 * java --enable-native-access=ALL-UNNAMED \
 *   -cp aio4j-bench/target/aio4j-bench-0.1.0-SNAPSHOT.jar:$(cat aio4j-bench/target/classpath.txt) \
 *   org.openjdk.jmh.Main NopSubmitReapBenchmark -prof gc
 * </pre>
 * An engine not available here fails its trial with the reason.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class NopSubmitReapBenchmark {
    private static final int BATCH = 32;

    /** The engine, in fio's spelling (jdk has no NOOP, so it is not here). */
    @Param({"io_uring", "libaio", "threadpool", "psync"})
    public String ioengine;

    private IoContext context;
    private final IoRequest[] requests = new IoRequest[BATCH];
    private final IoEvent[] events = IoEvent.array(BATCH);

    /** Opens the context. */
    @Setup(Level.Trial)
    public void setup() throws IOException {
        context = IoContext.open(BATCH, IoEngine.of(ioengine).contextOptions());
        for (int i = 0; i < BATCH; i++) {
            requests[i] = new IoRequest();
        }
    }

    /** Closes the context. */
    @TearDown(Level.Trial)
    public void tearDown() {
        if (context != null) {
            context.close();
        }
    }

    /** One NOOP: prepare, submit, reap. */
    @Benchmark
    public long one() throws InterruptedException {
        requests[0].prepNop();
        context.submit(requests, 0, 1);
        context.getEvents(1, events, 0, 1, -1);
        return events[0].result();
    }

    /** 32 NOOPs submitted in one call and reaped together; the score is per request. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long batch32() throws InterruptedException {
        for (int i = 0; i < BATCH; i++) {
            requests[i].prepNop();
        }
        int submitted = context.submit(requests, 0, BATCH);
        int got = 0;
        while (got < submitted) {
            got += context.getEvents(1, events, 0, BATCH, -1);
        }
        return got;
    }
}
