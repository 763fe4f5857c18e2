package io.aio4j.bench.run;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.assertj.core.api.Assertions.assertThat;

import io.aio4j.bench.options.JobSpec;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A buffered time-based job with invalidate=1 drops its file's page cache again once the JVM
 * warm-up is over, so the measured phase of a "cold cache" job starts cold as fio's does. The
 * page cache is observed with mincore(2) over a mapping of the file.
 */
@Timeout(30)
class ColdStartAfterWarmupTest {
    private static final long SIZE = 4 << 20;
    private static final Linker LINKER = Linker.nativeLinker();
    private static final MethodHandle MINCORE = LINKER.downcallHandle(LINKER.defaultLookup().find("mincore").orElseThrow(),
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, ADDRESS));

    @TempDir
    Path dir;

    private static long residentPages(Path f) throws Throwable {
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ); Arena a = Arena.ofConfined()) {
            MemorySegment map = ch.map(FileChannel.MapMode.READ_ONLY, 0, SIZE, a);
            MemorySegment vec = a.allocate(SIZE / 4096);
            assertThat((int) MINCORE.invokeExact(map, SIZE, vec)).isZero();
            long n = 0;
            for (long i = 0; i < vec.byteSize(); i++) {
                n += vec.get(ValueLayout.JAVA_BYTE, i) & 1;
            }
            return n;
        }
    }

    private Path cachedFile() throws Exception {
        Path f = dir.resolve("cold.dat");
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ)) {
            ch.write(ByteBuffer.allocate((int) SIZE), 0);
            ch.force(true); // clean pages: DONTNEED only drops those
            ch.read(ByteBuffer.allocate((int) SIZE), 0);
        }
        return f;
    }

    private static JobSpec spec(Path f, String invalidate) throws Exception {
        return JobRunnerTest.spec("--filename=" + f, "--rw=randread", "--iodepth=4", "--time_based", "--runtime=100ms",
                "--aio4j_warmup=100ms", "--invalidate=" + invalidate);
    }

    @Test
    void theCacheIsDroppedWhenTheWarmupEnds() throws Throwable {
        Path f = cachedFile();
        assertThat(residentPages(f)).isEqualTo(SIZE / 4096);
        JobResult r = JobRunnerTest.run(spec(f, "1"), new FakeBackend(SIZE, 4, 4096)); // the fake never reads the file
        assertThat(r.error()).isZero();
        assertThat(residentPages(f)).isZero();
    }

    @Test
    void withoutInvalidateTheCacheStays() throws Throwable {
        Path f = cachedFile();
        JobResult r = JobRunnerTest.run(spec(f, "0"), new FakeBackend(SIZE, 4, 4096));
        assertThat(r.error()).isZero();
        assertThat(residentPages(f)).isEqualTo(SIZE / 4096);
    }
}
