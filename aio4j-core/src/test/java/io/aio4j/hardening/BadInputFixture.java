package io.aio4j.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import io.aio4j.FileOption;
import io.aio4j.IoContext;
import io.aio4j.IoEvent;
import io.aio4j.IoFile;
import io.aio4j.IoRequest;
import io.aio4j.SetupFlag;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * What a bad-input case runs against: a context of 8 entries (with FIXED_BUFFERS, which no
 * engine refuses) and files opened read-write, read-only, write-only and O_DIRECT over a
 * 64 KiB pattern file in a fresh directory.
 */
final class BadInputFixture implements AutoCloseable {
    final EngineCase engine;
    final Path dir;
    final Path path;
    final IoContext ctx;
    final IoFile f;
    final IoFile ro;
    final IoFile wo;
    final IoFile d;
    final Arena arena = Arena.ofShared();
    final MemorySegment buf;

    BadInputFixture(EngineCase engine, Path dir) throws IOException {
        this.engine = engine;
        this.dir = dir;
        this.path = dir.resolve("pattern");
        Patterns.create(path, 1 << 16);
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.WRITE)) {
            ch.force(true); // allocated blocks: O_DIRECT then really goes to the device and checks alignment
        }
        this.ctx = IoContext.open(8, engine.options().toBuilder().flag(SetupFlag.FIXED_BUFFERS).build());
        this.f = ctx.openFile(path, FileOption.READ, FileOption.WRITE);
        this.ro = ctx.openFile(path, FileOption.READ);
        this.wo = ctx.openFile(path, FileOption.WRITE);
        this.d = ctx.openFile(path, FileOption.READ, FileOption.DIRECT);
        this.buf = arena.allocate(8192, 4096);
    }

    /** Submits one request, which must be accepted, and returns its event's result. */
    long result(IoRequest r) throws InterruptedException {
        assertThat(ctx.submit(r)).as("accepted").isEqualTo(1);
        IoEvent[] ev = IoEvent.array(1);
        Reap.exactly(ctx, ev, 1, 30);
        assertThat(ev[0].request()).isSameAs(r);
        return ev[0].result();
    }

    /**
     * A segment of a confined arena owned by a thread that has ended (so it is never closed, and
     * never accessible from this thread).
     */
    MemorySegment otherThreadsConfinedSegment(long size) throws InterruptedException {
        MemorySegment[] made = new MemorySegment[1];
        Thread t = Thread.ofPlatform().start(() -> made[0] = Arena.ofConfined().allocate(size, 8));
        t.join();
        return made[0];
    }

    /** A second context, for cases that mix two. */
    IoContext other() throws IOException {
        return IoContext.open(4, engine.options());
    }

    /** The context still works: a read after the bad input returns verified data. */
    void assertUsable() throws InterruptedException {
        if (!ctx.isOpen()) {
            return;
        }
        IoEvent[] drop = IoEvent.array(8);
        while (ctx.inFlight() > 0) {
            ctx.getEvents(1, drop, 0, drop.length, 5_000_000_000L);
        }
        MemorySegment b = arena.allocate(512, 8);
        assertThat(result(new IoRequest().prepRead(f, b, 4096))).isEqualTo(512);
        assertThat(Patterns.mismatch(b, 4096, 512)).isEqualTo(-1);
    }

    @Override
    public void close() throws IOException {
        ctx.close();
        arena.close();
        if (Files.isDirectory(dir)) {
            try (var s = Files.list(dir)) {
                for (Path p : s.toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
