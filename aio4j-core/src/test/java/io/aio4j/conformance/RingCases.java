package io.aio4j.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aio4j.IoContext;
import io.aio4j.IoEvent;
import io.aio4j.IoFile;
import io.aio4j.IoRequest;
import io.aio4j.IoRing;
import java.lang.foreign.MemorySegment;
import org.junit.jupiter.api.Test;

/** Ring mode (seed 002): fill submission entries, enter(toSubmit, minComplete), read completions in place. */
public interface RingCases extends ConformanceFixture {
    @Test
    default void ringReadsThePattern() throws Exception {
        IoFile f = openPattern(64 * 1024);
        IoRing ring = ctx().ring();
        assertThat(ctx().ring()).isSameAs(ring);
        MemorySegment[] bufs = new MemorySegment[8];
        for (int i = 0; i < bufs.length; i++) {
            bufs[i] = buffer(1024);
            ring.nextSqe().prepRead(f, bufs[i], 1024L * i * 3).userData(i);
        }
        assertThat(ring.sqPending()).isEqualTo(8);
        assertThat(ring.enter(8, 8)).isEqualTo(8);
        assertThat(ring.sqPending()).isZero();
        assertThat(ring.cqReady()).isEqualTo(8);
        IoEvent[] cqes = new IoEvent[8];
        for (int k = 0; k < 8; k++) {
            cqes[k] = ring.cqe(k);
        }
        IoEvent[] events = ConformanceFixture.byUserData(8, cqes);
        for (int i = 0; i < 8; i++) {
            assertThat(events[i].result()).isEqualTo(1024);
            PatternFile.verify(bufs[i], 1024L * i * 3);
        }
        ring.cqAdvance(8);
        assertThat(ring.cqReady()).isZero();
        assertDrained(ctx());
    }

    @Test
    default void aFullSubmissionRingHasNoFreeEntryUntilCompletionsAreReaped() throws Exception {
        IoRing ring = ctx().ring();
        int n = ring.sqEntries();
        assertThat(n).isGreaterThanOrEqualTo(CAPACITY);
        assertThat(ring.cqEntries()).isEqualTo(2 * n);
        for (int i = 0; i < n; i++) {
            ring.nextSqe().prepNop().userData(i);
        }
        assertThat(ring.nextSqe()).as("every entry queued").isNull();
        assertThat(ring.enter(n, 0)).isEqualTo(CAPACITY);
        while (ring.cqReady() < CAPACITY) {
            ring.enter(0, CAPACITY);
        }
        assertThat(ring.cqReady()).isEqualTo(CAPACITY);
        ring.cqAdvance(CAPACITY);
        assertThat(ring.nextSqe()).as("entries free again once reaped").isNotNull();
    }

    @Test
    default void enterSubmitsOnlyWhatTheContextHasRoomFor() throws Exception {
        IoContext c = open(5);
        IoRing ring = c.ring();
        assertThat(ring.sqEntries()).isEqualTo(8);
        for (int i = 0; i < 8; i++) {
            ring.nextSqe().prepNop().userData(i);
        }
        assertThat(ring.enter(8, 5)).isEqualTo(5);
        assertThat(ring.sqPending()).isEqualTo(3);
        assertThat(ring.cqReady()).isEqualTo(5);
        ring.cqAdvance(5);
        assertThat(ring.enter(8, 3)).as("the rest, once there is room").isEqualTo(3);
        assertThat(ring.cqReady()).isEqualTo(3);
        long sum = 0;
        for (int k = 0; k < 3; k++) {
            sum += ring.cqe(k).userData();
        }
        assertThat(sum).isEqualTo(5 + 6 + 7);
        ring.cqAdvance(3);
        assertDrained(c);
    }

    @Test
    default void ringMisuseIsRejected() throws Exception {
        IoRing ring = ctx().ring();
        assertThatThrownBy(() -> ring.enter(-1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ring.enter(0, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ring.cqe(0)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> ring.cqAdvance(1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(ring.enter(0, 0)).isZero();
    }

    @Test
    default void ringAndDirectCallsShareOneContext() throws Exception {
        IoRing ring = ctx().ring();
        IoRequest direct = new IoRequest().prepNop().userData(2);
        assertThat(ctx().submit(direct)).isEqualTo(1);
        ring.nextSqe().prepNop().userData(1);
        assertThat(ring.enter(1, 2)).isEqualTo(1);
        assertThat(ring.cqReady()).as("the ring reaps the context's completions, direct ones too").isEqualTo(2);
        assertThat(ring.cqe(0).userData() + ring.cqe(1).userData()).isEqualTo(3);
        ring.cqAdvance(2);
        assertDrained(ctx());
    }
}
