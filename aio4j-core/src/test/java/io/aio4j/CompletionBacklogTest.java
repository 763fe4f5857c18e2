package io.aio4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** CompletionBacklog: the core's own completions, first in first out, one producer and one consumer. */
class CompletionBacklogTest {
    private record Entry(long tag, long result, long res2) {
    }

    private static List<Entry> drain(CompletionBacklog b, int max) {
        List<Entry> out = new ArrayList<>();
        int n = b.drain((t, r, r2) -> out.add(new Entry(t, r, r2)), max);
        assertThat(n).isEqualTo(out.size());
        return out;
    }

    @Test
    void entriesComeOutInOrderAndWhole() {
        CompletionBacklog b = new CompletionBacklog(4);
        assertThat(b.isEmpty()).isTrue();
        b.push(1, -22, 0);
        b.push(Long.MAX_VALUE, 4096, 7);
        b.push(3, 0, -1);
        assertThat(b.isEmpty()).isFalse();
        assertThat(drain(b, 2)).containsExactly(new Entry(1, -22, 0), new Entry(Long.MAX_VALUE, 4096, 7));
        assertThat(drain(b, 10)).containsExactly(new Entry(3, 0, -1));
        assertThat(b.isEmpty()).isTrue();
        assertThat(drain(b, 10)).isEmpty();
    }

    @Test
    void drainOfZeroTakesNothing() {
        CompletionBacklog b = new CompletionBacklog(2);
        b.push(1, 1, 1);
        assertThat(drain(b, 0)).isEmpty();
        assertThat(b.isEmpty()).isFalse();
    }

    @Test
    void fullToCapacityManyTimesOverWraps() {
        CompletionBacklog b = new CompletionBacklog(3);
        long next = 0;
        long expect = 0;
        for (int round = 0; round < 1000; round++) {
            for (int i = 0; i < 3; i++) {
                b.push(next, -next, next * 2);
                next++;
            }
            for (Entry e : drain(b, 3)) {
                assertThat(e).isEqualTo(new Entry(expect, -expect, expect * 2));
                expect++;
            }
        }
        assertThat(b.isEmpty()).isTrue();
    }

    @Test
    @Timeout(30)
    void oneProducerAndOneConsumerOnTwoThreads() throws Exception {
        int capacity = 16;
        int total = 200_000;
        CompletionBacklog b = new CompletionBacklog(capacity);
        Semaphore room = new Semaphore(capacity); // as slots bound the real backlog
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread producer = new Thread(() -> {
            try {
                for (long i = 0; i < total; i++) {
                    room.acquire();
                    b.push(i, i + 1, i + 2);
                }
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        producer.setDaemon(true);
        producer.start();
        long[] expect = {0};
        while (expect[0] < total && failure.get() == null) {
            int n = b.drain((t, r, r2) -> {
                if (t != expect[0] || r != t + 1 || r2 != t + 2) {
                    throw new AssertionError("entry " + t + "/" + r + "/" + r2 + ", expected tag " + expect[0]);
                }
                expect[0]++;
            }, 5);
            room.release(n);
        }
        producer.join(TimeUnit.SECONDS.toMillis(20));
        assertThat(failure.get()).isNull();
        assertThat(expect[0]).isEqualTo(total);
        assertThat(b.isEmpty()).isTrue();
    }
}
