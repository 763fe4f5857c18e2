package io.aio4j.linux.uring;

import static org.assertj.core.api.Assertions.assertThat;

import io.aio4j.ContextOptions;
import io.aio4j.Engine;
import io.aio4j.FileOption;
import io.aio4j.IoContext;
import io.aio4j.IoEvent;
import io.aio4j.IoFile;
import io.aio4j.IoRequest;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hand-run measurement, not a benchmark (stand-in until the bench CLI exists): 4 KiB random
 * reads at depth 32 on a 256 MiB page-cached file through {@link IoContext}, reporting IOPS and
 * the bytes this thread allocated per request after warm-up (ThreadMXBean). Run with
 * {@code ./mvnw -B -o -pl aio4j-core test -Dtest=UringSteadyStateCheck -Dsurefire.excludedGroups=
 * -Daio4j.check.direct=false -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("soak")
class UringSteadyStateCheck {
    private static final int DEPTH = 32;
    private static final long FILE_SIZE = 256L << 20;

    @TempDir
    Path dir;

    @Test
    @Timeout(120)
    void randomReadsAtDepth32() throws Exception {
        UringTestSupport.assumeUring();
        String given = System.getProperty("aio4j.check.file");
        Path p = given != null ? Path.of(given) : dir.resolve("data");
        if (given == null) {
            fill(p);
        }
        Files.readAllBytes(p); // page-cache it
        boolean direct = Boolean.getBoolean("aio4j.check.direct");
        long seconds = Long.getLong("aio4j.check.seconds", 5);
        try (IoContext ctx = IoContext.open(DEPTH, ContextOptions.of(Engine.IO_URING)); Arena a = Arena.ofShared()) {
            IoFile f = direct ? ctx.openFile(p, FileOption.READ, FileOption.DIRECT) : ctx.openFile(p, FileOption.READ);
            IoRequest[] reqs = new IoRequest[DEPTH];
            MemorySegment[] bufs = new MemorySegment[DEPTH];
            IoEvent[] events = IoEvent.array(DEPTH);
            IoRequest[] again = new IoRequest[DEPTH];
            long seed = 0x9E3779B97F4A7C15L;
            long blocks = FILE_SIZE / 4096;
            for (int i = 0; i < DEPTH; i++) {
                bufs[i] = a.allocate(4096, 4096);
                seed = next(seed);
                reqs[i] = new IoRequest().prepRead(f, bufs[i], Math.floorMod(seed, blocks) * 4096).userData(i);
            }
            assertThat(ctx.submit(reqs)).isEqualTo(DEPTH);
            long tid = Thread.currentThread().threadId();
            long done = 0;
            long warm = 200_000;
            long startBytes = 0;
            long startNanos = 0;
            long startDone = 0;
            long end = Long.MAX_VALUE;
            while (System.nanoTime() < end) {
                int n = ctx.getEvents(1, events, 0, DEPTH, -1);
                for (int i = 0; i < n; i++) {
                    IoEvent e = events[i];
                    if (e.result() != 4096) {
                        throw new AssertionError("read failed: " + e);
                    }
                    seed = next(seed);
                    int k = (int) e.userData();
                    again[i] = reqs[k].prepRead(f, bufs[k], Math.floorMod(seed, blocks) * 4096).userData(k);
                }
                ctx.submit(again, 0, n);
                done += n;
                if (startNanos == 0 && done >= warm) {
                    startNanos = System.nanoTime();
                    startBytes = allocatedBytes(tid);
                    startDone = done;
                    end = startNanos + TimeUnit.SECONDS.toNanos(seconds);
                }
            }
            long bytes = allocatedBytes(tid) - startBytes;
            long ios = done - startDone;
            double secs = (System.nanoTime() - startNanos) / 1e9;
            System.out.printf("io_uring %s 4k randread depth %d: %.0f IOPS, %d requests, %.3f bytes allocated per request%n",
                    direct ? "O_DIRECT" : "page-cached", DEPTH, ios / secs, ios, (double) bytes / ios);
            ctx.getEvents(DEPTH, events, 0, DEPTH, -1);
        }
    }

    /**
     * ThreadMXBean.getThreadAllocatedBytes through reflection: the tests compile inside the
     * module, which does not read java.management; they run on the class path, where it is there.
     */
    private static long allocatedBytes(long threadId) throws ReflectiveOperationException {
        Object mx = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean").invoke(null);
        return (long) Class.forName("com.sun.management.ThreadMXBean").getMethod("getThreadAllocatedBytes", long.class)
                .invoke(mx, threadId);
    }

    private static void fill(Path p) throws java.io.IOException {
        try (var ch = java.nio.channels.FileChannel.open(p, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.WRITE)) {
            java.nio.ByteBuffer b = java.nio.ByteBuffer.allocateDirect(1 << 20);
            for (long o = 0; o < FILE_SIZE; o += b.capacity()) {
                b.clear();
                ch.write(b, o);
            }
        }
    }

    private static long next(long x) {
        x ^= x << 13;
        x ^= x >>> 7;
        return x ^ (x << 17);
    }
}
