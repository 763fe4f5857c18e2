package io.aio4j.bench.jmh;

import io.aio4j.IoContext;
import io.aio4j.bench.options.IoEngine;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What one context costs to have: {@link IoContext#open} plus {@link IoContext#close()} on each
 * engine, with 1 and 32 entries (seed 003: every job thread of a 512-thread fio run owns one).
 * With {@code -prof gc}, {@code gc.alloc.rate.norm} is the Java heap allocated per open + close;
 * native memory (rings, arenas) is not in it.
 *
 * <p>Run (from the project root, after {@code ./mvnw -q -B -DskipTests package}):
 * <pre>
 * java --enable-native-access=ALL-UNNAMED \
 *   -cp aio4j-bench/target/aio4j-bench-0.1.0-SNAPSHOT.jar:$(cat aio4j-bench/target/classpath.txt) \
 *   org.openjdk.jmh.Main ContextSetupCloseBenchmark -prof gc
 * </pre>
 * An engine not available here fails its trial with the reason.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class ContextSetupCloseBenchmark {
    /** The engine, in fio's spelling. */
    @Param({"io_uring", "libaio", "threadpool", "psync"})
    public String ioengine;

    /** The context's entries (its in-flight cap). */
    @Param({"1", "32"})
    public int entries;

    /** Opens a context and closes it again; returns its id so the work is not dead code. */
    @Benchmark
    public int openClose() throws IOException {
        try (IoContext ctx = IoContext.open(entries, IoEngine.of(ioengine).contextOptions())) {
            return ctx.id();
        }
    }
}
