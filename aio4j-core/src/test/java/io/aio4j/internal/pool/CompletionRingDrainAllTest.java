package io.aio4j.internal.pool;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link CompletionRing#drainAll}, close's drain: everything ready, in order, across the wrap, and the ring goes on. */
@Timeout(10)
class CompletionRingDrainAllTest {
    @Test
    void drainAllTakesEveryReadyCompletionInOrderAcrossTheWrapAndLeavesTheRingUsable() {
        CompletionRing ring = new CompletionRing(4);
        List<Long> got = new ArrayList<>();
        for (int round = 0; round < 3; round++) { // head moves past the end of the 4 cells
            for (long t = 0; t < 3; t++) {
                ring.post(round * 10 + t, -t);
            }
            assertThat(ring.drainAll((tag, res, res2) -> got.add(tag))).isEqualTo(3);
            assertThat(ring.drainAll((tag, res, res2) -> got.add(-1L))).as("nothing left").isZero();
            assertThat(ring.ready()).isFalse();
        }
        assertThat(got).containsExactly(0L, 1L, 2L, 10L, 11L, 12L, 20L, 21L, 22L);
        ring.post(99, 7);
        long[] last = new long[2];
        assertThat(ring.drain((tag, res, res2) -> {
            last[0] = tag;
            last[1] = res;
        }, 4)).as("drain after drainAll").isEqualTo(1);
        assertThat(last).containsExactly(99, 7);
    }
}
