package io.aio4j.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aio4j.FileOption;
import io.aio4j.IoContext;
import io.aio4j.IoEvent;
import io.aio4j.IoFile;
import io.aio4j.IoRequest;
import io.aio4j.Op;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** Misuse throws at once with a clear message and changes nothing: no request, no event, no slot. */
public interface MisuseCases extends ConformanceFixture {
    @Test
    default void nullBufferIsNpeAndLeavesTheRequestAlone() throws Exception {
        IoFile f = openPattern(4096);
        IoRequest r = new IoRequest().prepNop().userData(3);
        assertThatThrownBy(() -> r.prepRead(f, (MemorySegment) null, 0)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("buffer");
        assertThatThrownBy(() -> r.prepWrite(f, (ByteBuffer) null, 0)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> r.prepReadv(f, new MemorySegment[] {buffer(8), null}, 0))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("buffers[1]");
        assertThatThrownBy(() -> r.prepRead(null, buffer(8), 0)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("file");
        assertThat(r.op()).isEqualTo(Op.NOOP);
        assertThat(r.userData()).isEqualTo(3);
    }

    @Test
    default void readIntoAReadOnlyBufferIsIae() throws Exception {
        IoFile f = openPattern(4096);
        IoRequest r = new IoRequest();
        assertThatThrownBy(() -> r.prepRead(f, buffer(8).asReadOnly(), 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("read-only");
        assertThatThrownBy(() -> r.prepRead(f, ByteBuffer.allocate(8).asReadOnlyBuffer(), 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> r.prepReadv(f, new MemorySegment[] {buffer(8).asReadOnly()}, 0))
                .isInstanceOf(IllegalArgumentException.class);
        IoFile w = ctx().openFile(f.path(), FileOption.WRITE);
        assertThat(result(r.prepWrite(w, buffer(8).asReadOnly(), 0))).as("a read-only buffer is fine to write from")
                .isEqualTo(8);
    }

    @Test
    default void lengthPastTheSegmentIsIae() throws Exception {
        IoFile f = openPattern(4096);
        IoRequest r = new IoRequest();
        assertThatThrownBy(() -> r.prepRead(f, buffer(100), 101, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("length=101");
        assertThatThrownBy(() -> r.prepWrite(f, buffer(100), -1, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("length=-1");
        assertThat(r.op()).isEqualTo(Op.NOOP);
    }

    @Test
    default void aRequestInFlightCannotBeReused() throws Exception {
        IoFile f = openPattern(4096);
        IoRequest r = new IoRequest().prepNop().userData(1);
        assertThat(ctx().submit(r)).isEqualTo(1);
        assertThat(r.inFlight()).isTrue();
        assertThatThrownBy(r::prepNop).isInstanceOf(IllegalStateException.class).hasMessageContaining("in flight");
        assertThatThrownBy(() -> r.prepRead(f, buffer(8), 0)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> r.userData(2)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> ctx().submit(r)).isInstanceOf(IllegalStateException.class);
        IoContext other = open(4);
        assertThatThrownBy(() -> other.submit(r)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("another context");
        assertThat(ctx().inFlight()).isEqualTo(1);
        IoEvent e = reap(ctx(), 1)[0];
        assertThat(e.userData()).isEqualTo(1);
        assertDrained(ctx());
        assertDrained(other);
    }

    // Regression: claim() once cleared the batch's owners before choosing the exception from
    // r.owner, so a request twice in one batch got IllegalArgumentException.
    @Test
    default void theSameRequestTwiceInOneBatchIsIseAndNothingIsAccepted() throws Exception {
        IoRequest a = new IoRequest().prepNop();
        IoRequest b = new IoRequest().prepNop();
        assertThatThrownBy(() -> ctx().submit(a, b, a)).isInstanceOf(IllegalStateException.class);
        assertThat(a.inFlight()).isFalse();
        assertThat(b.inFlight()).isFalse();
        assertThat(ctx().inFlight()).isZero();
        assertThat(submitAndReap(ctx(), a, b)).hasSize(2);
    }

    @Test
    default void aNullInABatchIsNpeAndNothingIsAccepted() throws Exception {
        IoRequest a = new IoRequest().prepNop();
        assertThatThrownBy(() -> ctx().submit(a, null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("requests[1]");
        assertThat(a.inFlight()).isFalse();
        assertThat(ctx().inFlight()).isZero();
        assertThat(run(ctx(), a).result()).isZero();
    }

    @Test
    default void aFileOfAnotherContextIsIae() throws Exception {
        IoContext other = open(4);
        IoFile theirs = other.openFile(pattern("theirs.bin", 4096));
        IoRequest ok = new IoRequest().prepNop();
        IoRequest r = new IoRequest().prepRead(theirs, buffer(8), 0);
        assertThatThrownBy(() -> ctx().submit(ok, r)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("context " + other.id());
        assertThat(ok.inFlight()).isFalse();
        assertThat(r.inFlight()).isFalse();
        assertThat(ctx().inFlight()).isZero();
        assertThat(run(other, r).result()).isEqualTo(8);
    }

    @Test
    default void getEventsWithMinOutsideZeroToMaxIsIae() throws Exception {
        IoEvent[] events = IoEvent.array(4);
        assertThatThrownBy(() -> ctx().getEvents(5, events, 0, 4, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("min=5");
        assertThatThrownBy(() -> ctx().getEvents(-1, events, 0, 4, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ctx().getEvents(0, events, 2, 3, 0)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> ctx().getEvents(0, new IoEvent[2], 0, 2, 0)).isInstanceOf(NullPointerException.class);
    }

    @Test
    default void unknownFlagBitsAreIae() {
        IoRequest r = new IoRequest().prepNop();
        assertThatThrownBy(() -> r.rwFlags(0x4000)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rwFlags=0x4000");
        assertThatThrownBy(() -> r.linkFlags(1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("linkFlags=0x1");
        assertThat(r.rwFlags()).isZero();
        assertThat(r.linkFlags()).isZero();
    }
}
