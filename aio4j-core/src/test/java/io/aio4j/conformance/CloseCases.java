package io.aio4j.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aio4j.ContextClosedException;
import io.aio4j.ContextTable;
import io.aio4j.Errno;
import io.aio4j.IoContext;
import io.aio4j.IoEvent;
import io.aio4j.IoFile;
import io.aio4j.IoRequest;
import io.aio4j.Op;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * io_destroy: close with requests in flight never hangs, wakes every waiter, and loses no
 * completion (what arrives during close is reaped afterwards, then getEvents throws
 * ContextClosedException); anything else after close throws ContextClosedException.
 */
public interface CloseCases extends ConformanceFixture {
    int CLOSE_ROUNDS = 200;
    int CLOSE_DEPTH = 16;

    /** Reaps what a closed context still holds, until it says there is nothing left. */
    private static int reapAfterClose(IoContext c, IoEvent[] events) throws InterruptedException {
        int total = 0;
        for (int guard = 0; guard < 1000; guard++) {
            try {
                total += c.getEvents(0, events, 0, events.length, 0);
            } catch (ContextClosedException e) {
                return total;
            }
        }
        throw new AssertionError("getEvents on a closed context never ran dry");
    }

    @Test
    default void closeWithRequestsInFlightLosesNothingAndNeverHangs() throws Exception {
        Path p = pattern("close.bin", 1 << 20);
        MemorySegment[] bufs = new MemorySegment[CLOSE_DEPTH];
        for (int i = 0; i < bufs.length; i++) {
            bufs[i] = buffer(i % 2 == 0 ? 4096 : 65_536); // reused each round: every request is done by then
        }
        ExecutorService waiters = Executors.newSingleThreadExecutor();
        try {
            for (int round = 0; round < CLOSE_ROUNDS; round++) {
                IoContext c = open(CLOSE_DEPTH);
                IoFile f = c.openFile(p);
                IoRequest[] rs = new IoRequest[CLOSE_DEPTH];
                for (int i = 0; i < rs.length; i++) {
                    rs[i] = i % 4 == 3 ? new IoRequest().prepNop()
                            : new IoRequest().prepRead(f, bufs[i], i * 65_536L);
                    rs[i].userData(i);
                }
                assertThat(c.submit(rs)).isEqualTo(rs.length);
                IoEvent[] waited = IoEvent.array(CLOSE_DEPTH);
                Future<Integer> waiter = round % 2 == 0 ? null : waiters.submit(() -> {
                    try {
                        return c.getEvents(CLOSE_DEPTH, waited, -1, TimeUnit.NANOSECONDS);
                    } catch (ContextClosedException e) {
                        return 0;
                    }
                });
                c.close();
                int got = waiter == null ? 0 : waiter.get(REAP_SECONDS, TimeUnit.SECONDS);
                IoEvent[] after = IoEvent.array(CLOSE_DEPTH);
                int late = reapAfterClose(c, after);
                assertThat(got + late).as("events of round %d (waiter %d, after close %d)", round, got, late)
                        .isEqualTo(CLOSE_DEPTH);
                boolean[] seen = new boolean[CLOSE_DEPTH];
                for (int k = 0; k < got + late; k++) {
                    IoEvent e = k < got ? waited[k] : after[k - got];
                    int i = (int) e.userData();
                    assertThat(seen[i]).as("second event for request %d in round %d", i, round).isFalse();
                    seen[i] = true;
                    long want = rs[i].op() == Op.NOOP ? 0 : rs[i].length();
                    assertThat(e.result()).as("result of request %d", i).isIn(want, (long) -Errno.ECANCELED);
                }
                for (IoRequest r : rs) {
                    assertThat(r.inFlight()).as("request idle once its event is reaped").isFalse();
                }
                assertThat(f.isOpen()).as("close closes the context's files").isFalse();
                assertThatThrownBy(() -> c.submit(new IoRequest().prepNop())).isInstanceOf(ContextClosedException.class);
                c.close();
            }
        } finally {
            waiters.shutdownNow();
        }
    }

    @Test
    default void closeIsIdempotentAndConcurrentClosesAllReturn() throws Exception {
        IoContext c = open(8);
        assertThat(c.submit(new IoRequest().prepNop())).isEqualTo(1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> fs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                fs.add(pool.submit(c::close));
            }
            for (Future<?> f : fs) {
                f.get(REAP_SECONDS, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(c.isOpen()).isFalse();
        c.close();
        assertThat(ContextTable.lookup(c.id())).as("a closed context leaves the table").isNotSameAs(c);
    }

    @Test
    default void everythingAfterCloseThrowsContextClosed() throws Exception {
        IoContext c = open(8);
        c.close();
        assertThatThrownBy(() -> c.submit(new IoRequest().prepNop())).isInstanceOf(ContextClosedException.class);
        assertThatThrownBy(() -> c.openFile(dir().resolve("x"))).isInstanceOf(ContextClosedException.class);
        assertThatThrownBy(c::ring).isInstanceOf(ContextClosedException.class);
        assertThatThrownBy(() -> c.getEvents(0, IoEvent.array(1), 0, TimeUnit.SECONDS))
                .isInstanceOf(ContextClosedException.class);
        assertThat(c.cancel(new IoRequest().prepNop())).isFalse();
    }

    @Test
    default void aWaiterWithNothingInFlightIsWokenByClose() throws Exception {
        IoContext c = open(8);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> waiter = pool.submit(() -> c.getEvents(1, IoEvent.array(1), -1, TimeUnit.SECONDS));
            Thread.sleep(50); // let it reach the wait; the case holds without this too
            c.close();
            assertThatThrownBy(() -> waiter.get(REAP_SECONDS, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(ContextClosedException.class);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    default void completionsNotReapedBeforeCloseAreReapedAfter() throws Exception {
        IoContext c = open(8);
        IoRequest[] rs = {new IoRequest().prepNop().userData(1), new IoRequest().prepNop().userData(2),
            new IoRequest().prepNop().userData(3)};
        assertThat(c.submit(rs)).isEqualTo(3);
        c.close();
        IoEvent[] events = IoEvent.array(8);
        assertThat(reapAfterClose(c, events)).isEqualTo(3);
        assertThat(List.of(events).subList(0, 3)).extracting(IoEvent::userData).containsExactlyInAnyOrder(1L, 2L, 3L);
        assertThatThrownBy(() -> c.getEvents(0, events, 0, TimeUnit.SECONDS)).isInstanceOf(ContextClosedException.class);
    }

    @Test
    default void closingAFileWithReadsInFlightLetsThemFinish() throws Exception {
        IoFile f = openPattern(1 << 20);
        IoRequest[] rs = new IoRequest[16];
        for (int i = 0; i < rs.length; i++) {
            rs[i] = new IoRequest().prepRead(f, buffer(65_536), 65_536L * i).userData(i);
        }
        assertThat(ctx().submit(rs)).isEqualTo(rs.length);
        f.close();
        assertThat(f.isOpen()).isFalse();
        for (IoEvent e : reap(ctx(), rs.length)) {
            assertThat(e.result()).as("the descriptor stays open while requests use it").isEqualTo(65_536);
            PatternFile.verify(e.request().buffer(), 65_536L * e.userData());
        }
        f.close();
    }
}
