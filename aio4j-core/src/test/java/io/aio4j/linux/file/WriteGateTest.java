package io.aio4j.linux.file;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

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
}
