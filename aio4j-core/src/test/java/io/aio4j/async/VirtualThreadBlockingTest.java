package io.aio4j.async;

import static org.assertj.core.api.Assertions.assertThat;

import io.aio4j.Engine;
import io.aio4j.FileOption;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * 10,000 virtual threads each read through {@link BlockingFile} on the default scheduler with its
 * default carrier count (the test sets no scheduler property). The proof that a blocked call parks
 * rather than pins: far more threads are inside a blocking read at once than there are carriers,
 * which pinning would make impossible.
 */
@Timeout(120)
class VirtualThreadBlockingTest {
    private static final int THREADS = 10_000;

    @TempDir
    Path dir;

    static java.util.stream.Stream<Engine> engines() {
        return Dispatchers.engines();
    }

    @ParameterizedTest
    @MethodSource("engines")
    void tenThousandVirtualThreadsReadWithoutPinning(Engine engine) throws Exception {
        assertThat(System.getProperty("jdk.virtualThreadScheduler.parallelism")).isNull();
        int carriers = Runtime.getRuntime().availableProcessors(); // the default parallelism
        Path p = dir.resolve("f");
        byte[] data = new byte[THREADS * 8];
        ByteBuffer.wrap(data).asLongBuffer().put(java.util.stream.LongStream.range(0, THREADS).toArray());
        Files.write(p, data);
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        AtomicInteger ok = new AtomicInteger();
        try (IoDispatcher d = Dispatchers.open(engine, 64); AsyncFile f = AsyncFile.open(d, p, FileOption.READ)) {
            BlockingFile b = f.blocking();
            try (ExecutorService vts = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < THREADS; i++) {
                    long index = i;
                    vts.submit(() -> {
                        ByteBuffer buf = ByteBuffer.allocate(8);
                        peak.accumulateAndGet(inside.incrementAndGet(), Math::max);
                        int n = b.read(buf, index * 8);
                        inside.decrementAndGet();
                        if (n == 8 && buf.getLong(0) == index && Thread.currentThread().isVirtual()) {
                            ok.incrementAndGet();
                        }
                        return null;
                    });
                }
                vts.shutdown();
                assertThat(vts.awaitTermination(100, TimeUnit.SECONDS)).isTrue();
            }
        }
        assertThat(ok).hasValue(THREADS);
        assertThat(peak.get()).as("threads inside a blocking read at once, with %d carriers", carriers)
                .isGreaterThan(carriers);
    }
}
