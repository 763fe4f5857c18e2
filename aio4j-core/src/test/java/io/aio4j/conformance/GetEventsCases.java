package io.aio4j.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aio4j.IoContext;
import io.aio4j.IoEvent;
import io.aio4j.IoRequest;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** io_getevents: min 0 returns at once, timeouts end waits, interruption ends waits and loses nothing. */
public interface GetEventsCases extends ConformanceFixture {
    @Test
    default void minZeroReturnsAtOnceEvenWithoutATimeout() throws Exception {
        assertThat(ctx().getEvents(0, IoEvent.array(4), 0, 4, -1)).isZero();
        assertThat(ctx().pollEvents(IoEvent.array(4))).isZero();
    }

    @Test
    default void aTimeoutEndsTheWaitWithFewerThanMin() throws Exception {
        IoContext c = ctx();
        assertThat(c.getEvents(1, IoEvent.array(4), 30, TimeUnit.MILLISECONDS)).isZero();
        assertThat(c.submit(new IoRequest().prepNop())).isEqualTo(1);
        IoEvent[] events = IoEvent.array(4);
        int n = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(REAP_SECONDS);
        while (n == 0 && System.nanoTime() < deadline) {
            n = c.getEvents(3, events, 30, TimeUnit.MILLISECONDS); // one can come, three cannot
        }
        assertThat(n).isEqualTo(1);
        assertDrained(c);
    }

    @Test
    default void getEventsFillsOnlyItsRange() throws Exception {
        IoRequest[] rs = {new IoRequest().prepNop().userData(1), new IoRequest().prepNop().userData(2)};
        assertThat(ctx().submit(rs)).isEqualTo(2);
        IoEvent[] events = IoEvent.array(6);
        int n = 0;
        while (n < 2) {
            n += ctx().getEvents(1, events, 2 + n, 2 - n, TimeUnit.SECONDS.toNanos(REAP_SECONDS));
        }
        assertThat(events[0].request()).isNull();
        assertThat(events[1].request()).isNull();
        assertThat(events[4].request()).isNull();
        assertThat(new long[] {events[2].userData(), events[3].userData()}).containsExactlyInAnyOrder(1, 2);
    }

    @Test
    default void interruptionEndsAWaitAndLosesNoEvent() throws Exception {
        IoContext c = ctx();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            CompletableFuture<Thread> started = new CompletableFuture<>();
            Future<Integer> waiter = pool.submit(() -> {
                started.complete(Thread.currentThread());
                return c.getEvents(1, IoEvent.array(4), -1, TimeUnit.SECONDS);
            });
            Thread t = started.get(REAP_SECONDS, TimeUnit.SECONDS);
            Thread.sleep(30); // let it reach the wait; the case holds without this too
            t.interrupt();
            assertThatThrownBy(() -> waiter.get(REAP_SECONDS, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(InterruptedException.class);
        } finally {
            pool.shutdownNow();
        }
        IoRequest r = new IoRequest().prepNop().userData(77);
        assertThat(run(c, r).userData()).as("the context still delivers after an interrupted wait").isEqualTo(77);
    }

    @Test
    default void anInterruptedReaperKeepsWhatItTookAndTheRestIsReapedAfter() throws Exception {
        IoContext c = ctx();
        IoRequest[] rs = new IoRequest[3];
        for (int i = 0; i < rs.length; i++) {
            rs[i] = new IoRequest().prepNop().userData(i);
        }
        assertThat(c.submit(rs)).isEqualTo(3);
        IoEvent[] events = IoEvent.array(8);
        int taken;
        Thread.currentThread().interrupt();
        try {
            taken = c.getEvents(8, events, -1, TimeUnit.SECONDS); // cannot get 8: the interrupt ends the wait
            assertThat(Thread.interrupted()).as("interrupt flag set again when events are returned").isTrue();
        } catch (InterruptedException e) {
            taken = 0;
        } finally {
            Thread.interrupted();
        }
        assertThat(taken).isBetween(0, 3);
        IoEvent[] all = Arrays.copyOf(events, 3);
        System.arraycopy(reap(c, 3 - taken), 0, all, taken, 3 - taken);
        ConformanceFixture.byUserData(3, all);
        assertDrained(c);
    }
}
