package io.aio4j.bench.jmh;

import io.aio4j.ContextOptions;
import io.aio4j.ContextTable;
import io.aio4j.Engine;
import io.aio4j.IoContext;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link ContextTable#lookup(int)} with 1 to 10,000 live contexts: the kernel's linear ioctx list
 * of seed 003 grew with the context count; the table must not, so ns/op should be flat across
 * {@code contexts}. Each call looks up a different live id (a stride through them), so the
 * lookup is not one cached element. The contexts are the portable engine inline with one entry,
 * the cheapest there is (no threads, no kernel AIO context, so fs.aio-max-nr is not involved).
 *
 * <p>Run (from the project root, after {@code ./mvnw -q -B -DskipTests package}):
 * <pre>
 * java --enable-native-access=ALL-UNNAMED \
 *   -cp aio4j-bench/target/aio4j-bench-0.1.0-SNAPSHOT.jar:$(cat aio4j-bench/target/classpath.txt) \
 *   org.openjdk.jmh.Main ContextTableLookupBenchmark
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class ContextTableLookupBenchmark {
    /** Live contexts while looking up. */
    @Param({"1", "100", "1000", "10000"})
    public int contexts;

    private IoContext[] open;
    private int[] ids;
    private int next;

    /** Opens the contexts and notes their ids. */
    @Setup(Level.Trial)
    public void setup() throws IOException {
        open = new IoContext[contexts];
        ids = new int[contexts];
        for (int i = 0; i < contexts; i++) {
            open[i] = IoContext.open(1, ContextOptions.of(Engine.PORTABLE));
            ids[i] = open[i].id();
        }
        if (ContextTable.size() < contexts) {
            throw new IllegalStateException("table holds " + ContextTable.size() + " contexts, opened " + contexts);
        }
    }

    /** Closes them. */
    @TearDown(Level.Trial)
    public void tearDown() {
        for (IoContext c : open) {
            c.close();
        }
    }

    /** Looks up the next live id. */
    @Benchmark
    public IoContext lookup() {
        int i = next + 1;
        if (i == ids.length) {
            i = 0;
        }
        next = i;
        return ContextTable.lookup(ids[i]);
    }
}
