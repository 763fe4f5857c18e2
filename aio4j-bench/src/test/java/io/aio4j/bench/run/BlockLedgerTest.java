package io.aio4j.bench.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BlockLedgerTest {
    private static final long RUN = 0x1234;

    @Test
    void aReadIsCheckedAgainstTheLastAcknowledgedWrite() {
        BlockLedger l = new BlockLedger(8, true, RUN);
        l.startRead(3);
        assertThat(l.finishRead(3)).as("the layout's stamp").isZero();
        long first = l.startWrite(3);
        l.finishWrite(3, true);
        long second = l.startWrite(3);
        l.finishWrite(3, true);
        assertThat(first).isEqualTo(RUN << 32 | 1);
        assertThat(second).isEqualTo(RUN << 32 | 2);
        l.startRead(3);
        assertThat(l.finishRead(3)).isEqualTo(second);
        l.startRead(4);
        assertThat(l.finishRead(4)).as("an untouched neighbour").isZero();
    }

    @Test
    void withoutALayoutOrAfterAFailedWriteTheContentIsUnknown() {
        BlockLedger l = new BlockLedger(4, false, RUN);
        l.startRead(0);
        assertThat(l.finishRead(0)).isEqualTo(BlockLedger.UNKNOWN);
        l.startWrite(1);
        l.finishWrite(1, true);
        long failed = l.startWrite(1);
        l.finishWrite(1, false);
        l.startRead(1);
        assertThat(l.finishRead(1)).isEqualTo(BlockLedger.UNKNOWN);
        assertThat(l.nextWritten(0)).as("a block whose last write failed is not verified").isEqualTo(-1);
        assertThat(l.startWrite(1)).as("never the failed write's stamp again").isNotEqualTo(failed).isEqualTo(RUN << 32 | 3);
        l.finishWrite(1, true);
        assertThat(l.nextWritten(0)).isEqualTo(1);
    }

    @Test
    void aBlockWithAnIoInFlightIsBusyAndRefusesASecond() {
        BlockLedger l = new BlockLedger(4, true, RUN);
        l.startWrite(2);
        assertThat(l.busy(2)).isTrue();
        assertThat(l.busy(1)).isFalse();
        assertThatThrownBy(() -> l.startRead(2)).isInstanceOf(IllegalStateException.class).hasMessageContaining("block 2");
        assertThatThrownBy(() -> l.startWrite(2)).isInstanceOf(IllegalStateException.class);
        l.finishWrite(2, true);
        assertThat(l.busy(2)).isFalse();
        l.startRead(2);
        assertThat(l.busy(2)).isTrue();
        l.finishRead(2);
        assertThat(l.busy(2)).isFalse();
    }

    @Test
    void generationsWrapPastZero() {
        BlockLedger l = new BlockLedger(1, true, RUN);
        long last = 0;
        for (int i = 0; i < BlockLedger.GENERATIONS + 2; i++) {
            last = l.startWrite(0);
            l.finishWrite(0, true);
            assertThat(last & 0xFFFF_FFFFL).isBetween(1L, (long) BlockLedger.GENERATIONS);
        }
        assertThat(last).isEqualTo(RUN << 32 | 2);
    }

    @Test
    void writtenBlocksAreListedInOrder() {
        BlockLedger l = new BlockLedger(100, true, RUN);
        for (int b : new int[] {70, 5, 99}) {
            l.startWrite(b);
            l.finishWrite(b, true);
        }
        assertThat(l.nextWritten(0)).isEqualTo(5);
        assertThat(l.nextWritten(6)).isEqualTo(70);
        assertThat(l.nextWritten(71)).isEqualTo(99);
        assertThat(l.nextWritten(100)).isEqualTo(-1);
    }

    @Test
    void stampsSayWhatWroteTheBlock() {
        assertThat(BlockLedger.describe(0)).isEqualTo("the file layout's block");
        assertThat(BlockLedger.describe(RUN << 32 | 7)).isEqualTo("write generation 7 of run 0x1234");
    }
}
