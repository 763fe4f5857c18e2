package io.aio4j.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aio4j.ContextClosedException;
import io.aio4j.ContextTable;
import io.aio4j.Errno;
import io.aio4j.FileOption;
import io.aio4j.IoContext;
import io.aio4j.IoEvent;
import io.aio4j.IoFile;
import io.aio4j.IoRequest;
import io.aio4j.Op;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * io_destroy: close with requests in flight never hangs, wakes every waiter, and loses no
 * completion (what arrives during close is reaped afterwards, then getEvents throws
 * ContextClosedException); anything else after close throws ContextClosedException.
 */
public interface CloseCases extends ConformanceFixture {
    int CLOSE_ROUNDS = 200;
    int CLOSE_DEPTH = 16;

    /**
     * Reaps what a closed context still holds into {@code events[from..]}, until it says there is
     * nothing left; returns how many it reaped.
     */
    private static int reapAfterClose(IoContext c, IoEvent[] events, int from) throws InterruptedException {
        int at = from;
        for (int guard = 0; guard < 1000; guard++) {
            try {
                at += c.getEvents(0, events, at, events.length - at, 0);
            } catch (ContextClosedException e) {
                return at - from;
            }
        }
        throw new AssertionError("getEvents on a closed context never ran dry (or delivered more events than requests)");
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
                IoEvent[] events = IoEvent.array(CLOSE_DEPTH + 1); // one spare: a duplicate shows as too many
                Future<Integer> waiter = round % 2 == 0 ? null : waiters.submit(() -> {
                    try {
                        return c.getEvents(CLOSE_DEPTH, events, 0, CLOSE_DEPTH, -1);
                    } catch (ContextClosedException e) {
                        return 0;
                    }
                });
                c.close();
                int got = waiter == null ? 0 : waiter.get(REAP_SECONDS, TimeUnit.SECONDS);
                int late = reapAfterClose(c, events, got);
                assertThat(got + late).as("events of round %d (waiter %d, after close %d)", round, got, late)
                        .isEqualTo(CLOSE_DEPTH);
                IoEvent[] byData = ConformanceFixture.byUserData(CLOSE_DEPTH, Arrays.copyOf(events, CLOSE_DEPTH));
                for (int i = 0; i < CLOSE_DEPTH; i++) {
                    long want = rs[i].op() == Op.NOOP ? 0 : rs[i].length();
                    assertThat(byData[i].result()).as("round %d request %d", round, i).isIn(want, (long) -Errno.ECANCELED);
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
        assertThat(reapAfterClose(c, events, 0)).isEqualTo(3);
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

    @Test
    default void closeWhileOtherThreadsSubmitAndReapLosesNothing() throws Exception {
        Path p = pattern("busy.bin", 256 * 1024);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            for (int round = 0; round < 20; round++) {
                IoContext c = open(CLOSE_DEPTH);
                IoFile f = c.openFile(p);
                AtomicLong accepted = new AtomicLong();
                AtomicLong reaped = new AtomicLong();
                List<Future<?>> fs = new ArrayList<>();
                for (int s = 0; s < 2; s++) {
                    MemorySegment buf = buffer(512); // shared by this submitter's reads: their data is not checked
                    fs.add(pool.submit(() -> {
                        try {
                            for (long i = 0; ; i++) {
                                IoRequest r = new IoRequest(); // fresh: the reaper owns reaped ones
                                if (i % 2 == 0) {
                                    r.prepNop();
                                } else {
                                    r.prepRead(f, buf, (i * 512) % (256 * 1024));
                                }
                                accepted.addAndGet(c.submit(r));
                                Thread.onSpinWait();
                            }
                        } catch (ContextClosedException e) {
                            return null; // the end of this submitter
                        }
                    }));
                }
                fs.add(pool.submit(() -> {
                    IoEvent[] ev = IoEvent.array(8);
                    try {
                        while (true) {
                            reaped.addAndGet(c.getEvents(1, ev, 0, ev.length, TimeUnit.MILLISECONDS.toNanos(5)));
                        }
                    } catch (ContextClosedException e) {
                        return null;
                    }
                }));
                Thread.sleep(5 + round % 10);
                c.close();
                for (Future<?> fu : fs) {
                    fu.get(REAP_SECONDS, TimeUnit.SECONDS);
                }
                long late = reapAfterClose(c, IoEvent.array(CLOSE_DEPTH + 1), 0);
                assertThat(reaped.get() + late).as("events of round %d", round).isEqualTo(accepted.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Whether descriptor {@code fd} of this process is open on {@code path} (Linux /proc). */
    private static boolean fdOpenOn(int fd, Path path) throws IOException {
        Path link = Path.of("/proc/self/fd/" + fd);
        return Files.isSymbolicLink(link) && Files.readSymbolicLink(link).equals(path.toAbsolutePath());
    }

    // Core bug: a request that fails validation keeps the file reference prepare() took until its
    // event is reaped, and close() does not settle the backlog, so its descriptor outlives close.
    @Test
    default void closeReleasesEveryDescriptorEvenWithEventsLeftUnreaped() throws Exception {
        IoContext c = open(8);
        Path p = pattern("fds.bin", 64 * 1024);
        IoFile ro = c.openFile(p);
        IoFile wo = c.openFile(p, FileOption.WRITE);
        Assumptions.assumeTrue(ro.fd() >= 0 && Files.isDirectory(Path.of("/proc/self/fd")), "no descriptors to check");
        IoRequest[] rs = {
            new IoRequest().prepRead(ro, buffer(4096), 0), // completes
            new IoRequest().prepRead(wo, buffer(4096), 0), // fails validation: -EBADF from the core
            new IoRequest().prepRead(ro, buffer(4096), -1), // fails validation: -EINVAL from the core
        };
        assertThat(c.submit(rs)).isEqualTo(3);
        int[] fds = {ro.fd(), wo.fd()};
        c.close(); // nothing reaped
        for (int fd : fds) {
            assertThat(fdOpenOn(fd, p)).as("descriptor %d still open after close", fd).isFalse();
        }
        assertThat(reapAfterClose(c, IoEvent.array(4), 0)).isEqualTo(3);
    }
}
