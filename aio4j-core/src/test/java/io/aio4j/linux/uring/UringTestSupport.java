package io.aio4j.linux.uring;

import static org.assertj.core.api.Assertions.assertThat;

import io.aio4j.ContextOptions;
import io.aio4j.Engine;
import io.aio4j.IoContext;
import io.aio4j.IoEvent;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** Helpers for the io_uring tests: skip when io_uring is unavailable, pattern files, reaping. */
final class UringTestSupport {
    private UringTestSupport() {
    }

    /** Skips the test, with the reason, when io_uring cannot be used here. */
    static void assumeUring() {
        var a = new IoUringProvider().availability();
        Assumptions.assumeTrue(a.available(), () -> "io_uring unavailable: " + a.reason());
    }

    static IoContext open(int entries, ContextOptions options) throws IOException {
        assumeUring();
        return IoContext.open(entries, options);
    }

    static IoContext open(int entries) throws IOException {
        return open(entries, ContextOptions.of(Engine.IO_URING));
    }

    /** A file of {@code size} bytes where each 8-byte word holds its own offset. */
    static Path patternFile(Path dir, long size) throws IOException {
        Path p = dir.resolve("pattern-" + size);
        try (Arena a = Arena.ofConfined()) {
            MemorySegment s = a.allocate(size, 8);
            for (long o = 0; o < size; o += 8) {
                s.set(ValueLayout.JAVA_LONG, o, o);
            }
            Files.write(p, s.toArray(ValueLayout.JAVA_BYTE));
        }
        return p;
    }

    /** Asserts that {@code buf[0..len)} holds the pattern of file offset {@code fileOffset}. */
    static void assertPattern(MemorySegment buf, long fileOffset, long len) {
        for (long o = 0; o < len; o += 8) {
            assertThat(buf.get(ValueLayout.JAVA_LONG_UNALIGNED, o)).as("word at file offset %d", fileOffset + o)
                    .isEqualTo(fileOffset + o);
        }
    }

    /** Reaps exactly {@code n} events (waiting up to 10 s). */
    static IoEvent[] reap(IoContext ctx, int n) throws InterruptedException {
        IoEvent[] ev = IoEvent.array(n);
        int got = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (got < n && System.nanoTime() < deadline) {
            got += ctx.getEvents(n - got, ev, got, n - got, TimeUnit.MILLISECONDS.toNanos(200));
        }
        assertThat(got).as("events reaped").isEqualTo(n);
        return ev;
    }
}
