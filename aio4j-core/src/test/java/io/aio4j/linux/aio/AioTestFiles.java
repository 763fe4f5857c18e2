package io.aio4j.linux.aio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.aio4j.ContextOptions;
import io.aio4j.Engine;
import io.aio4j.IoContext;
import io.aio4j.IoEvent;
import io.aio4j.SetupFlag;
import io.aio4j.spi.Availability;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;

/** Helpers for the Linux AIO engine tests: pattern files and contexts on this engine. */
final class AioTestFiles {
    private AioTestFiles() {
    }

    /** Skips the test (with the reason) where Linux AIO does not work. */
    static void assumeAio() {
        Availability a = IoContext.availability(Engine.LINUX_AIO);
        assumeTrue(a.available(), () -> "Linux AIO unavailable: " + a.reason());
    }

    static IoContext open(int entries, SetupFlag... flags) throws IOException {
        assumeAio();
        return IoContext.open(entries, ContextOptions.of(Engine.LINUX_AIO, flags));
    }

    /** A file of {@code size} bytes (a multiple of 8) whose every 8-byte word holds its own offset. */
    static Path patternFile(Path dir, String name, long size) throws IOException {
        Path p = dir.resolve(name);
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            ByteBuffer b = ByteBuffer.allocate(1 << 16).order(ByteOrder.nativeOrder());
            for (long off = 0; off < size; off += b.capacity()) {
                b.clear();
                for (int i = 0; i < b.capacity() && off + i < size; i += 8) {
                    b.putLong(off + i);
                }
                b.flip();
                while (b.hasRemaining()) {
                    ch.write(b);
                }
            }
        }
        return p;
    }

    /** Asserts that {@code buf[0..len)} holds the pattern of file offset {@code off}. */
    static void assertPattern(MemorySegment buf, long off, long len) {
        for (long i = 0; i < len; i += 8) {
            long v = buf.get(ValueLayout.JAVA_LONG_UNALIGNED, i);
            if (v != off + i) {
                assertThat(v).as("word at file offset %d", off + i).isEqualTo(off + i);
            }
        }
    }

    /** Waits for exactly {@code n} events (bounded by the test's own timeout). */
    static IoEvent[] await(IoContext ctx, int n) throws InterruptedException {
        IoEvent[] ev = IoEvent.array(n);
        int got = 0;
        while (got < n) {
            got += ctx.getEvents(n - got, ev, got, n - got, TimeUnit.SECONDS.toNanos(10));
        }
        return ev;
    }
}
