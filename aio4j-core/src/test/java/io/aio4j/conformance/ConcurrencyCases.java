package io.aio4j.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.aio4j.IoContext;
import io.aio4j.IoEvent;
import io.aio4j.IoFile;
import io.aio4j.IoRequest;
import io.aio4j.Op;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Submitters and reapers on several threads at once: every completion is delivered exactly once. */
public interface ConcurrencyCases extends ConformanceFixture {
    int SUBMITTERS = 4;
    int REAPERS = 2;
    int PER_SUBMITTER = 1500;
    int POOL = 24;

    @Test
    default void interleavedSubmitAndReapDeliverEachCompletionOnce() throws Exception {
        IoContext c = open(CAPACITY);
        long fileSize = 256 * 1024;
        IoFile f = c.openFile(pattern("mt.bin", fileSize));
        AtomicIntegerArray seen = new AtomicIntegerArray(SUBMITTERS * PER_SUBMITTER);
        AtomicLong reaped = new AtomicLong();
        AtomicLong badData = new AtomicLong();
        // each submitter's idle requests; a reaper hands a request back after checking its event
        List<Queue<IoRequest>> idle = new ArrayList<>();
        for (int s = 0; s < SUBMITTERS; s++) {
            Queue<IoRequest> q = new ConcurrentLinkedQueue<>();
            for (int i = 0; i < POOL; i++) {
                q.add(new IoRequest());
            }
            idle.add(q);
        }
        ExecutorService pool = Executors.newFixedThreadPool(SUBMITTERS + REAPERS);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int s = 0; s < SUBMITTERS; s++) {
                int sub = s;
                futures.add(pool.submit(() -> {
                    Queue<IoRequest> q = idle.get(sub);
                    for (int i = 0; i < PER_SUBMITTER; ) {
                        IoRequest r = q.poll();
                        if (r == null) {
                            Thread.onSpinWait();
                            continue;
                        }
                        int id = sub * PER_SUBMITTER + i;
                        if (i % 3 == 0) {
                            r.prepNop();
                        } else {
                            long off = (id * 520L) % (fileSize - 64);
                            r.prepRead(f, buffer(64), off);
                        }
                        r.userData(id);
                        while (c.submit(r) == 0) {
                            Thread.yield(); // full: back-pressure, retry after the reapers make room
                        }
                        i++;
                    }
                    return null;
                }));
            }
            long total = (long) SUBMITTERS * PER_SUBMITTER;
            for (int k = 0; k < REAPERS; k++) {
                futures.add(pool.submit(() -> {
                    IoEvent[] events = IoEvent.array(16);
                    while (reaped.get() < total) {
                        int n = c.getEvents(1, events, 0, events.length, TimeUnit.MILLISECONDS.toNanos(20));
                        for (int j = 0; j < n; j++) {
                            IoEvent e = events[j];
                            int id = (int) e.userData();
                            seen.incrementAndGet(id);
                            IoRequest r = e.request();
                            long expected = r.op() == Op.NOOP ? 0 : 64;
                            if (e.result() != expected
                                    || (expected > 0 && PatternFile.firstMismatch(r.buffer(), r.offset(), 64) >= 0)) {
                                badData.incrementAndGet();
                            }
                            idle.get(id / PER_SUBMITTER).add(r);
                        }
                        reaped.addAndGet(n);
                    }
                    return null;
                }));
            }
            for (Future<?> fu : futures) {
                fu.get(REAP_SECONDS * 2, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(reaped.get()).isEqualTo((long) SUBMITTERS * PER_SUBMITTER);
        for (int i = 0; i < seen.length(); i++) {
            assertThat(seen.get(i)).as("events for request %d", i).isEqualTo(1);
        }
        assertThat(badData.get()).as("events with a wrong result or data").isZero();
        assertDrained(c);
    }

    @Test
    default void oneThreadWaitsWhileAnotherSubmits() throws Exception {
        IoContext c = ctx();
        IoEvent[] events = IoEvent.array(8);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> waiter = pool.submit(() -> c.getEvents(8, events, 0, 8, TimeUnit.SECONDS.toNanos(REAP_SECONDS)));
            IoRequest[] rs = new IoRequest[8];
            for (int i = 0; i < rs.length; i++) {
                rs[i] = new IoRequest().prepNop().userData(i);
                assertThat(c.submit(rs[i])).isEqualTo(1);
            }
            assertThat(waiter.get(REAP_SECONDS * 2, TimeUnit.SECONDS)).isEqualTo(8);
        } finally {
            pool.shutdownNow();
        }
        assertThat(events).extracting(IoEvent::userData).containsExactlyInAnyOrder(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L);
        assertDrained(c);
    }
}
