package io.aio4j.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aio4j.IoContext;
import io.aio4j.IoEvent;
import io.aio4j.IoFile;
import io.aio4j.IoRequest;
import java.lang.foreign.MemorySegment;
import org.junit.jupiter.api.Test;

/** A full context is back-pressure: submit takes fewer (zero included) and never throws or blocks. */
public interface BackPressureCases extends ConformanceFixture {
    private static IoRequest[] nops(int n) {
        IoRequest[] rs = new IoRequest[n];
        for (int i = 0; i < n; i++) {
            rs[i] = new IoRequest().prepNop().userData(i);
        }
        return rs;
    }

    @Test
    default void submitTakesOnlyWhatFits() throws Exception {
        IoContext c = open(4);
        IoRequest[] rs = nops(6);
        assertThat(c.submit(rs)).isEqualTo(4);
        assertThat(c.inFlight()).isEqualTo(4);
        assertThat(rs[4].inFlight()).as("refused requests stay idle").isFalse();
        assertThat(rs[5].inFlight()).isFalse();
        assertThat(rs[4].tag()).as("refused requests keep no tag").isEqualTo(-1);
        assertThat(c.submit(rs, 4, 2)).as("full: zero, no exception").isZero();
        assertThat(c.submit(rs[5])).isZero();

        IoEvent[] events = reap(c, 4);
        for (IoEvent e : events) {
            assertThat(e.userData()).isBetween(0L, 3L);
        }
        assertThat(c.inFlight()).isZero();
        assertThat(c.submit(rs, 4, 2)).as("room again after reaping").isEqualTo(2);
        assertThat(reap(c, 2)).extracting(IoEvent::userData).containsExactlyInAnyOrder(4L, 5L);
        assertDrained(c);
    }

    @Test
    default void capacityOfOneAlternatesSubmitAndReap() throws Exception {
        IoContext c = open(1);
        IoFile f = c.openFile(pattern("one.bin", 64 * 1024));
        IoRequest a = new IoRequest();
        IoRequest b = new IoRequest().prepNop();
        MemorySegment buf = buffer(4096);
        for (int i = 0; i < 16; i++) {
            assertThat(c.submit(a.prepRead(f, buf, 4096L * i))).isEqualTo(1);
            assertThat(c.submit(b)).as("full at round %d", i).isZero();
            assertThat(reap(c, 1)[0].result()).isEqualTo(4096);
            PatternFile.verify(buf, 4096L * i);
        }
        assertDrained(c);
    }

    @Test
    default void fillingTheContextManyTimesLosesNothing() throws Exception {
        IoContext c = open(32);
        IoFile f = c.openFile(pattern("many.bin", 256 * 1024));
        IoRequest[] rs = new IoRequest[40];
        MemorySegment[] bufs = new MemorySegment[rs.length];
        for (int i = 0; i < rs.length; i++) {
            rs[i] = new IoRequest();
            bufs[i] = buffer(512);
        }
        long done = 0;
        for (int round = 0; round < 20; round++) {
            for (int i = 0; i < rs.length; i++) {
                rs[i].prepRead(f, bufs[i], (round * 7919L + i * 4099L) % (256 * 1024 - 512)).userData(i);
            }
            int n = c.submit(rs);
            assertThat(n).isEqualTo(32);
            for (IoEvent e : reap(c, n)) {
                assertThat(e.result()).isEqualTo(512);
                PatternFile.verify(bufs[(int) e.userData()], e.request().offset());
                done++;
            }
        }
        assertThat(done).isEqualTo(20 * 32);
        assertDrained(c);
    }

    @Test
    default void submitTakesOnlyTheRangeItIsGiven() throws Exception {
        IoContext c = ctx();
        IoRequest[] rs = nops(6);
        assertThat(c.submit(rs, 2, 3)).isEqualTo(3);
        assertThat(rs[0].inFlight() || rs[1].inFlight() || rs[5].inFlight()).as("outside the range").isFalse();
        assertThat(reap(c, 3)).extracting(IoEvent::userData).containsExactlyInAnyOrder(2L, 3L, 4L);
        assertThat(c.submit(rs, 6, 0)).isZero();
        assertThatThrownBy(() -> c.submit(rs, 4, 3))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(rs[4].inFlight()).isFalse();
        assertDrained(c);
    }
}
