package io.aio4j.linux.file;

import static org.assertj.core.api.Assertions.assertThat;

import io.aio4j.ContextOptions;
import io.aio4j.Engine;
import io.aio4j.FileOption;
import io.aio4j.IoContext;
import io.aio4j.IoFile;
import io.aio4j.IoRequest;
import io.aio4j.LinkFlags;
import io.aio4j.RwFlags;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ADAPTIVE's gate for buffered writes: fast writes stay inline, a slow one sends the next ones to the workers. */
class WriteGateTest {
    private static final long FAST = 3_000;
    private static final long SLOW = 5_000_000;

    /** How many of the next {@code n} writes the gate lets run inline. */
    private static int inlineOf(WriteGate g, int n) {
        int k = 0;
        for (int i = 0; i < n; i++) {
            k += g.inline() ? 1 : 0;
        }
        return k;
    }

    @Test
    void fastWritesKeepTheGateOpen() {
        WriteGate g = new WriteGate();
        for (int i = 0; i < 1000; i++) {
            assertThat(g.inline()).isTrue();
            g.judge(FAST, 4096);
        }
    }

    @Test
    void aSlowWriteOffloadsTheNextEightAndTheNextTryIsInline() {
        WriteGate g = new WriteGate();
        assertThat(g.inline()).isTrue();
        g.judge(SLOW, 1024);
        assertThat(inlineOf(g, WriteGate.FIRST_PENALTY)).isZero();
        assertThat(g.inline()).as("the try after the penalty").isTrue();
    }

    @Test
    void slowTriesInARowDoubleThePenaltyUpToItsCapAndAFastOneResetsIt() {
        WriteGate g = new WriteGate();
        int expected = WriteGate.FIRST_PENALTY;
        for (int round = 0; round < 12; round++) {
            assertThat(g.inline()).isTrue();
            g.judge(SLOW, 1024);
            assertThat(inlineOf(g, expected)).as("round %d offloads %d", round, expected).isZero();
            expected = Math.min(2 * expected, WriteGate.MAX_PENALTY);
        }
        assertThat(expected).isEqualTo(WriteGate.MAX_PENALTY);
        assertThat(g.inline()).isTrue();
        g.judge(FAST, 1024);
        assertThat(g.inline()).isTrue();
        g.judge(SLOW, 1024);
        assertThat(inlineOf(g, WriteGate.FIRST_PENALTY)).as("reset by the fast try").isZero();
        assertThat(g.inline()).isTrue();
    }

    @Test
    void theSlowMarkGrowsWithTheWriteSize() {
        WriteGate g = new WriteGate();
        long oneMiB = 1 << 20;
        long budget = WriteGate.SLOW_NANOS + 1024 * WriteGate.SLOW_NANOS_PER_KIB;
        g.judge(budget, oneMiB); // a 1 MiB copy at 1 GB/s: not slow
        assertThat(g.inline()).isTrue();
        g.judge(budget + 1, oneMiB);
        assertThat(g.inline()).isFalse();
    }

    @Test
    void onlyPlainBufferedWritesAreGoverned(@TempDir Path dir) throws Exception {
        try (IoContext ctx = IoContext.open(4, ContextOptions.of(Engine.PORTABLE)); Arena arena = Arena.ofConfined()) {
            IoFile plain = ctx.openFile(dir.resolve("p"), FileOption.READ, FileOption.WRITE, FileOption.CREATE);
            IoFile dsync = ctx.openFile(dir.resolve("d"), FileOption.WRITE, FileOption.CREATE, FileOption.DSYNC);
            IoFile sync = ctx.openFile(dir.resolve("s"), FileOption.WRITE, FileOption.CREATE, FileOption.SYNC);
            MemorySegment buf = arena.allocate(4096);
            assertThat(WriteGate.governs(new IoRequest().prepWrite(plain, buf, 0))).isTrue();
            assertThat(WriteGate.governs(new IoRequest().prepWritev(plain, new MemorySegment[] {buf}, 0))).isTrue();
            assertThat(WriteGate.governs(new IoRequest().prepRead(plain, buf, 0))).as("a read").isFalse();
            assertThat(WriteGate.governs(new IoRequest().prepFsync(plain))).as("an fsync").isFalse();
            assertThat(WriteGate.governs(new IoRequest().prepWrite(plain, buf, 0).linkFlags(LinkFlags.LINK))).as("linked").isFalse();
            assertThat(WriteGate.governs(new IoRequest().prepWrite(plain, buf, 0).linkFlags(LinkFlags.DRAIN))).as("drain").isFalse();
            for (int flag : new int[] {RwFlags.RWF_NOWAIT, RwFlags.RWF_DSYNC, RwFlags.RWF_SYNC}) {
                assertThat(WriteGate.governs(new IoRequest().prepWrite(plain, buf, 0).rwFlags(flag))).as("rw flag %d", flag).isFalse();
            }
            assertThat(WriteGate.governs(new IoRequest().prepWrite(dsync, buf, 0))).as("a DSYNC file").isFalse();
            assertThat(WriteGate.governs(new IoRequest().prepWrite(sync, buf, 0))).as("a SYNC file").isFalse();
        }
    }
}
