package io.aio4j.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import org.junit.jupiter.api.Test;

class BlockPermutationTest {
    @Test
    void everyBlockOnceThenDone() {
        for (long blocks : new long[] {1, 2, 3, 7, 64, 1000, 65536}) {
            BlockPermutation p = new BlockPermutation(blocks, 12345);
            BitSet seen = new BitSet();
            for (long i = 0; i < blocks; i++) {
                long b = p.next();
                assertThat(b).isBetween(0L, blocks - 1);
                assertThat(seen.get((int) b)).as("block %d twice (of %d)", b, blocks).isFalse();
                seen.set((int) b);
            }
            assertThat(p.next()).isEqualTo(-1);
            p.restart();
            assertThat(p.next()).isBetween(0L, blocks - 1);
        }
    }
}
