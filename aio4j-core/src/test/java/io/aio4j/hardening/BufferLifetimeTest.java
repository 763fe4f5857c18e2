package io.aio4j.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import io.aio4j.FileOption;
import io.aio4j.IoContext;
import io.aio4j.IoEvent;
import io.aio4j.IoFile;
import io.aio4j.IoRequest;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #7 item 1: memory handed to an in-flight request stays valid until its completion is
 * reaped, even when the caller drops every reference to the buffer and to the request. A GC
 * storm runs while 100,000 requests per engine read and write pattern data through buffers the
 * caller forgets at once: auto-arena segments, heap arrays, heap and direct ByteBuffers (freed by
 * the GC when unreachable). Every read is verified on completion; writes put back the pattern of
 * their own offset, so a write from freed memory would show up in a later read and in the final
 * check of the whole file.
 */
@Timeout(300)
class BufferLifetimeTest {
    static final int REQUESTS = Integer.getInteger("aio4j.hardening.lifetimeRequests", 100_000);
    private static final long FILE_SIZE = 1 << 20;
    private static final int DEPTH = 32;

    @TempDir
    Path dir;

    @EngineTest
    void droppedBuffersSurviveAGcStorm(EngineCase engine) throws Exception {
        engine.assumeAvailable();
        Path p = dir.resolve("pattern");
        Patterns.create(p, FILE_SIZE);
        SplittableRandom rnd = new SplittableRandom(42);
        IoEvent[] events = IoEvent.array(DEPTH);
        long verified = 0;
        try (GcStorm storm = new GcStorm(5); IoContext ctx = IoContext.open(DEPTH, engine.options())) {
            IoFile f = ctx.openFile(p, FileOption.READ, FileOption.WRITE);
            int submitted = 0;
            int done = 0;
            while (done < REQUESTS) {
                while (submitted < REQUESTS && ctx.inFlight() < DEPTH) {
                    assertThat(ctx.submit(droppedRequest(f, rnd, submitted))).isEqualTo(1);
                    submitted++;
                }
                int n = ctx.getEvents(1, events, 0, DEPTH, 10_000_000_000L);
                for (int i = 0; i < n; i++) {
                    verify(events[i]);
                }
                done += n;
                verified += n;
            }
            assertThat(storm.collections()).as("the storm ran").isPositive();
            assertWholeFile(ctx, f);
        }
        assertThat(verified).isEqualTo(REQUESTS);
        System.out.printf("buffer lifetimes [%s]: %d requests verified under a GC storm%n", engine, verified);
    }

    /** A new request on a new buffer that nothing but the context will reference once submitted. */
    private static IoRequest droppedRequest(IoFile f, SplittableRandom rnd, int i) {
        int len = 8 * (1 + rnd.nextInt(64));
        long off = 8L * rnd.nextLong((FILE_SIZE - len) / 8);
        boolean write = rnd.nextInt(4) == 0;
        MemorySegment seg = switch (i % 4) {
            case 0 -> Arena.ofAuto().allocate(len, 8);
            case 1 -> MemorySegment.ofArray(new byte[len]);
            case 2 -> MemorySegment.ofBuffer(ByteBuffer.allocateDirect(len));
            default -> MemorySegment.ofBuffer(ByteBuffer.allocate(len));
        };
        IoRequest r = new IoRequest();
        if (write) {
            Patterns.fill(seg, off, len);
            r.prepWrite(f, seg, off);
        } else {
            r.prepRead(f, seg, off);
        }
        return r.userData(off);
    }

    private static void verify(IoEvent e) {
        IoRequest r = e.request();
        assertThat(e.result()).as("%s", e).isEqualTo(r.length());
        if (r.op().isRead()) {
            assertThat(Patterns.mismatch(r.buffer(), e.userData(), r.length())).as("read at %d", e.userData()).isEqualTo(-1);
        }
    }

    private static void assertWholeFile(IoContext ctx, IoFile f) throws InterruptedException {
        MemorySegment all = Arena.ofAuto().allocate(FILE_SIZE, 4096);
        assertThat(ctx.submit(new IoRequest().prepRead(f, all, 0))).isEqualTo(1);
        IoEvent[] ev = IoEvent.array(1);
        Reap.exactly(ctx, ev, 1, 30);
        assertThat(ev[0].result()).isEqualTo(FILE_SIZE);
        assertThat(Patterns.mismatch(all, 0, FILE_SIZE)).as("file after the storm").isEqualTo(-1);
    }
}
