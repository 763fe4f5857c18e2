package io.aio4j.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NoOverlapSourceTest {
    /** A plan issuing the given (op, block) pairs in order. */
    private static IoSource plan(int[][] ios) {
        return new IoSource() {
            private int i;
            private long offset;

            @Override
            public int next() {
                if (i == ios.length) {
                    return DONE;
                }
                offset = ios[i][1] * 4096L;
                return ios[i++][0];
            }

            @Override
            public long offset() {
                return offset;
            }
        };
    }

    @Test
    void anIoToABusyBlockWaitsAndNothingOvertakesIt() {
        BlockLedger l = new BlockLedger(8, true, 1);
        NoOverlapSource s = new NoOverlapSource(plan(new int[][] {{IoSource.WRITE, 1}, {IoSource.READ, 1},
            {IoSource.READ, 2}, {IoSource.FSYNC, 0}}), l, 4096, 0);
        assertThat(s.next()).isEqualTo(IoSource.WRITE);
        l.startWrite(1);
        assertThat(s.next()).as("a read of the block being written").isEqualTo(IoSource.WAIT);
        assertThat(s.next()).as("still, and block 2's read does not overtake it").isEqualTo(IoSource.WAIT);
        l.finishWrite(1, true);
        assertThat(s.next()).isEqualTo(IoSource.READ);
        assertThat(s.offset()).isEqualTo(4096);
        l.startRead(1);
        assertThat(s.next()).isEqualTo(IoSource.READ);
        assertThat(s.offset()).isEqualTo(2 * 4096);
        l.startRead(2);
        assertThat(s.next()).as("an fsync has no block").isEqualTo(IoSource.FSYNC);
        assertThat(s.next()).isEqualTo(IoSource.DONE);
        assertThat(s.waits()).isEqualTo(2);
    }
}
