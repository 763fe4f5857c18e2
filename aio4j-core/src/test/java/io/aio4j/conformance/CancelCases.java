package io.aio4j.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.aio4j.Errno;
import io.aio4j.IoContext;
import io.aio4j.IoEvent;
import io.aio4j.IoFile;
import io.aio4j.IoRequest;
import java.lang.foreign.MemorySegment;
import org.junit.jupiter.api.Test;

/**
 * io_cancel: a request not yet started may be cancelled (its event then carries -ECANCELED);
 * one that has finished, or is not in flight here, cannot. Either way every submitted request
 * yields exactly one event. Which requests an engine manages to cancel is its own business, so
 * these cases check consistency, not that anything was cancelled.
 */
public interface CancelCases extends ConformanceFixture {
    @Test
    default void cancelOfARequestNeverSubmittedIsFalse() throws Exception {
        assertThat(ctx().cancel(new IoRequest())).isFalse();
        assertThat(ctx().cancel(new IoRequest().prepNop())).isFalse();
    }

    @Test
    default void cancelOfAReapedRequestIsFalse() throws Exception {
        IoRequest r = new IoRequest().prepNop();
        run(ctx(), r);
        assertThat(ctx().cancel(r)).isFalse();
        assertDrained(ctx());
    }

    @Test
    default void cancelThroughAnotherContextIsFalse() throws Exception {
        IoContext other = open(4);
        IoRequest r = new IoRequest().prepNop().userData(9);
        assertThat(ctx().submit(r)).isEqualTo(1);
        assertThat(other.cancel(r)).isFalse();
        IoEvent e = reap(ctx(), 1)[0];
        assertThat(e.userData()).isEqualTo(9);
        assertThat(e.result()).as("not cancelled by a foreign context").isZero();
    }

    @Test
    default void cancellingABatchYieldsExactlyOneEventPerRequest() throws Exception {
        int size = 64 * 1024;
        IoFile f = openPattern(CAPACITY * (long) size);
        IoRequest[] rs = new IoRequest[CAPACITY];
        for (int i = 0; i < rs.length; i++) {
            rs[i] = new IoRequest().prepRead(f, buffer(size), (long) i * size).userData(i);
        }
        assertThat(ctx().submit(rs)).isEqualTo(CAPACITY);
        boolean[] cancelled = new boolean[rs.length];
        for (int i = rs.length - 1; i >= 0; i--) { // the last submitted are the likeliest not to have started
            cancelled[i] = ctx().cancel(rs[i]);
        }
        IoEvent[] events = ConformanceFixture.byUserData(rs.length, reap(ctx(), rs.length));
        for (int i = 0; i < rs.length; i++) {
            IoEvent e = events[i];
            if (e.result() == -Errno.ECANCELED) {
                assertThat(cancelled[i]).as("request %d completed -ECANCELED though cancel returned false", i).isTrue();
            } else {
                assertThat(e.result()).as("result of request %d (cancel returned %s)", i, cancelled[i]).isEqualTo(size);
                PatternFile.verify(e.request().buffer(), (long) i * size);
            }
        }
        assertDrained(ctx());
    }

    @Test
    default void aContextStaysUsableAfterCancels() throws Exception {
        IoFile f = openPattern(64 * 1024);
        IoRequest[] rs = new IoRequest[8];
        for (int i = 0; i < rs.length; i++) {
            rs[i] = new IoRequest().prepRead(f, buffer(4096), 4096L * i).userData(i);
        }
        assertThat(ctx().submit(rs)).isEqualTo(rs.length);
        for (IoRequest r : rs) {
            ctx().cancel(r);
        }
        reap(ctx(), rs.length);
        MemorySegment buf = buffer(4096);
        assertThat(result(rs[0].prepRead(f, buf, 8192))).isEqualTo(4096);
        PatternFile.verify(buf, 8192);
        assertThat(ctx().cancel(rs[0])).isFalse();
    }
}
