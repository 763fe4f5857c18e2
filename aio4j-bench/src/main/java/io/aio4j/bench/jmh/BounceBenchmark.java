package io.aio4j.bench.jmh;

import io.aio4j.ContextOptions;
import io.aio4j.Engine;
import io.aio4j.FileOption;
import io.aio4j.IoContext;
import io.aio4j.IoEvent;
import io.aio4j.IoFile;
import io.aio4j.IoRequest;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
 * What the core's bounce (copy) of a buffer costs: one read of a page-cached file, submitted and
 * reaped through the core API, into buffers the core copies through native memory it owns and
 * into buffers the kernel writes in place, at 4 KiB and 64 KiB (docs/buffer-lifetimes.md):
 * <ul>
 * <li>copied: a heap {@link ByteBuffer} (the kernel cannot be given the address of a movable Java
 *     array) and a segment of a closeable arena ({@link Arena#ofShared()}, which a caller could close
 *     while the kernel writes it; {@code ContextOptions.callerKeepsArenasOpen(true)} drops that copy);
 * <li>in place: a direct ByteBuffer and a segment of an automatic arena.
 * </ul>
 * A copied score minus an in-place one is the bounce. With {@code -prof gc},
 * {@code gc.alloc.rate.norm} shows that none of them allocates per request.
 *
 * <p>Run (from the project root, after {@code ./mvnw -q -B -DskipTests package}):
 * <pre>
 * java --enable-native-access=ALL-UNNAMED \
 *   -cp aio4j-bench/target/aio4j-bench-0.1.0-SNAPSHOT.jar:$(cat aio4j-bench/target/classpath.txt) \
 *   org.openjdk.jmh.Main BounceBenchmark -prof gc
 * </pre>
 * {@code -p engine=LINUX_AIO} (or PORTABLE) for another engine; an engine not available here
 * fails its trial with the reason.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class BounceBenchmark {
    private static final long FILE_BYTES = 16L << 20;

    /** The engine (io.aio4j.Engine). */
    @Param({"IO_URING"})
    public String engine;

    /** Bytes per read. */
    @Param({"4096", "65536"})
    public int size;

    private Path path;
    private IoContext ctx;
    private IoFile file;
    private Arena arena;
    private ByteBuffer heap;
    private ByteBuffer direct;
    private MemorySegment shared;
    private MemorySegment auto;
    private final IoRequest request = new IoRequest();
    private final IoEvent[] events = {new IoEvent()};
    private long offset;

    /** Opens a context over a page-cached 16 MiB file and makes the three buffers. */
    @Setup(Level.Trial)
    public void setup() throws IOException {
        path = Files.createTempFile("aio4j-jmh-bounce-", ".dat");
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.WRITE)) {
            ByteBuffer b = ByteBuffer.allocate(1 << 20);
            for (long at = 0; at < FILE_BYTES; at += b.capacity()) {
                ch.write(b.clear(), at);
            }
        }
        Files.readAllBytes(path); // into the page cache
        ctx = IoContext.open(8, ContextOptions.of(Engine.valueOf(engine)));
        file = ctx.openFile(path, FileOption.READ);
        arena = Arena.ofShared();
        heap = ByteBuffer.allocate(size);
        direct = ByteBuffer.allocateDirect(size);
        shared = arena.allocate(size, 4096);
        auto = Arena.ofAuto().allocate(size, 4096);
    }

    /** Closes the context and deletes the file. */
    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        if (ctx != null) {
            ctx.close();
        }
        if (arena != null) {
            arena.close();
        }
        Files.deleteIfExists(path);
    }

    private long nextOffset() {
        offset = (offset + size) % FILE_BYTES;
        return offset;
    }

    private long run(IoRequest r) throws InterruptedException {
        if (ctx.submit(r) != 1 || ctx.getEvents(1, events, 1, TimeUnit.SECONDS) != 1) {
            throw new IllegalStateException("the read did not complete");
        }
        return events[0].result();
    }

    /** Into a heap ByteBuffer: copied. */
    @Benchmark
    public long heapBuffer() throws InterruptedException {
        return run(request.prepRead(file, heap.clear(), nextOffset()));
    }

    /** Into a segment of a shared (closeable) arena: copied. */
    @Benchmark
    public long sharedArenaSegment() throws InterruptedException {
        return run(request.prepRead(file, shared, nextOffset()));
    }

    /** Into a direct ByteBuffer: in place. */
    @Benchmark
    public long directBuffer() throws InterruptedException {
        return run(request.prepRead(file, direct.clear(), nextOffset()));
    }

    /** Into a segment of an automatic arena: in place. */
    @Benchmark
    public long autoArenaSegment() throws InterruptedException {
        return run(request.prepRead(file, auto, nextOffset()));
    }
}
