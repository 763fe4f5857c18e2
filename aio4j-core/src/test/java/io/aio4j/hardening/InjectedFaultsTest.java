package io.aio4j.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import io.aio4j.Errno;
import io.aio4j.FileOption;
import io.aio4j.IoContext;
import io.aio4j.IoEvent;
import io.aio4j.IoFile;
import io.aio4j.IoRequest;
import io.aio4j.spi.FaultInjectingEngine;
import io.aio4j.spi.FaultInjectingEngine.Fail;
import io.aio4j.spi.FaultInjectingEngine.Shorten;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #7 item 5: EIO and short transfers, injected with {@link FaultInjectingEngine} around
 * every engine, reach the caller exactly: the failed requests carry -EIO, the shortened ones
 * their cut count (heap buffers included, whose copy-back must stop there), and every other
 * request in the same batches completes normally with verified data.
 */
@Timeout(60)
class InjectedFaultsTest {
    private static final int BLOCK = 4096;
    private static final int BLOCKS = 64;

    @TempDir
    Path dir;

    @EngineTest
    void eioAndShortTransfersPropagateExactly(EngineCase engine) throws Exception {
        engine.assumeAvailable();
        Path p = dir.resolve("pattern");
        Patterns.create(p, (long) BLOCK * BLOCKS);
        // userData % 5 == 1: EIO; % 5 == 3: short (cut to a multiple of 8 that depends on the request)
        FaultInjectingEngine.Plan plan = r -> switch ((int) (r.userData() % 5)) {
            case 1 -> new Fail(Errno.EIO);
            case 3 -> new Shorten(8 * (r.userData() % 7));
            default -> null;
        };
        var options = engine.options().toBuilder().engineDecorator(FaultInjectingEngine.decorator(plan)).build();
        Map<Long, Long> expected = new HashMap<>();
        try (IoContext ctx = IoContext.open(BLOCKS, options); Arena arena = Arena.ofShared()) {
            IoFile f = ctx.openFile(p, FileOption.READ, FileOption.WRITE);
            IoRequest[] batch = new IoRequest[BLOCKS];
            for (int i = 0; i < BLOCKS; i++) {
                long off = (long) i * BLOCK;
                MemorySegment buf = i % 2 == 0 ? arena.allocate(BLOCK, 8) : MemorySegment.ofArray(new long[BLOCK / 8]);
                boolean write = i % 4 == 2;
                if (write) {
                    Patterns.fill(buf, off, BLOCK);
                }
                batch[i] = (write ? new IoRequest().prepWrite(f, buf, off) : new IoRequest().prepRead(f, buf, off)).userData(i);
                expected.put((long) i, switch (i % 5) {
                    case 1 -> (long) -Errno.EIO;
                    case 3 -> Math.min(BLOCK, 8L * (i % 7));
                    default -> (long) BLOCK;
                });
            }
            assertThat(ctx.submit(batch)).isEqualTo(BLOCKS);
            IoEvent[] ev = IoEvent.array(BLOCKS);
            Reap.exactly(ctx, ev, BLOCKS, 30);
            for (IoEvent e : ev) {
                assertThat(e.result()).as("request %d", e.userData()).isEqualTo(expected.get(e.userData()));
                IoRequest r = e.request();
                if (r.op().isRead() && e.result() > 0) {
                    assertThat(Patterns.mismatch(r.buffer(), r.offset(), e.result())).as("read %d", e.userData()).isEqualTo(-1);
                }
            }
            assertThat(ctx.inFlight()).isZero();
            IoRequest again = new IoRequest().prepRead(f, arena.allocate(BLOCK, 8), BLOCK).userData(10);
            assertThat(ctx.submit(again)).as("the context stays usable").isEqualTo(1);
            Reap.exactly(ctx, ev, 1, 30);
            assertThat(ev[0].result()).isEqualTo(BLOCK);
        }
    }

    @EngineTest
    void injectedFailuresAreDrainedByClose(EngineCase engine) throws Exception {
        engine.assumeAvailable();
        var options = engine.options().toBuilder()
                .engineDecorator(FaultInjectingEngine.decorator(r -> new Fail(Errno.EIO))).build();
        IoContext ctx = IoContext.open(8, options);
        IoRequest[] batch = {new IoRequest().prepNop().userData(1), new IoRequest().prepNop().userData(2)};
        assertThat(ctx.submit(batch)).isEqualTo(2);
        ctx.close();
        IoEvent[] ev = IoEvent.array(4);
        assertThat(ctx.pollEvents(ev)).as("completions drained at close can still be reaped").isEqualTo(2);
        assertThat(ev[0].result()).isEqualTo(-Errno.EIO);
        assertThat(ev[1].result()).isEqualTo(-Errno.EIO);
    }
}
