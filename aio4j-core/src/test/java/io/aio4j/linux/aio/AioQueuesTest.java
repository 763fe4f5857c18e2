package io.aio4j.linux.aio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The engine's two hand-written queues under contention: every item comes out exactly once. */
@Timeout(60)
class AioQueuesTest {
    @Test
    void userCompletionsFromFourProducersReachTheConsumerExactlyOnce() throws Exception {
        int producers = 4;
        int perProducer = 50_000;
        int capacity = 64;
        UserCompletions q = new UserCompletions(capacity);
        // the engine's bound: at most `capacity` completions not yet consumed
        java.util.concurrent.Semaphore room = new java.util.concurrent.Semaphore(capacity);
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            int id = p;
            threads.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; i < perProducer; i++) {
                    room.acquireUninterruptibly();
                    q.push(((long) id << 32) | i, i);
                }
            }));
        }
        ConcurrentHashMap<Long, Boolean> seen = new ConcurrentHashMap<>();
        AtomicInteger dup = new AtomicInteger();
        int total = 0;
        while (total < producers * perProducer) {
            int n = q.drain((tag, result, res2) -> {
                if (seen.put(tag, Boolean.TRUE) != null || result != (int) tag) {
                    dup.incrementAndGet();
                }
            }, 16);
            room.release(n);
            total += n;
            if (n == 0) {
                Thread.yield();
            }
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(dup.get()).isZero();
        assertThat(seen).hasSize(producers * perProducer);
        assertThat(q.isEmpty()).isTrue();
    }

    @Test
    void workQueueHandsEachSlotToExactlyOneOfThreeConsumers() throws Exception {
        int slots = 32;
        int rounds = 2_000;
        WorkQueue q = new WorkQueue(slots);
        AtomicIntegerArray taken = new AtomicIntegerArray(slots);
        AtomicIntegerArray busy = new AtomicIntegerArray(slots); // 1 while queued, as the engine's slot states
        AtomicInteger done = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        List<Thread> consumers = new ArrayList<>();
        for (int c = 0; c < 3; c++) {
            consumers.add(Thread.ofPlatform().start(() -> {
                while (done.get() < slots * rounds) {
                    int s = q.poll();
                    if (s < 0) {
                        Thread.yield(); // the machine may have fewer cores than spinning threads
                        continue;
                    }
                    taken.incrementAndGet(s);
                    if (!busy.compareAndSet(s, 1, 0)) {
                        errors.incrementAndGet();
                    }
                    done.incrementAndGet();
                }
            }));
        }
        for (int r = 0; r < rounds; r++) {
            for (int s = 0; s < slots; s++) {
                while (busy.get(s) != 0) { // the slot comes back only once its work was taken
                    Thread.yield();
                }
                busy.set(s, 1);
                assertThat(q.offer(s)).isTrue();
            }
        }
        for (Thread t : consumers) {
            t.join();
        }
        assertThat(errors.get()).isZero();
        for (int s = 0; s < slots; s++) {
            assertThat(taken.get(s)).isEqualTo(rounds);
        }
        assertThat(q.isEmpty()).isTrue();
    }

    @Test
    void closeDrainsEveryCompletionLeftInOrderAndTheRingIsReusable() {
        UserCompletions q = new UserCompletions(8);
        List<Long> out = new ArrayList<>();
        for (int round = 0; round < 3; round++) { // wraps the 8 cells
            for (int i = 0; i < 5; i++) {
                q.push(round * 10 + i, -i);
            }
            assertThat(q.drain((tag, result, res2) -> out.add(tag), 2)).isEqualTo(2);
            assertThat(q.drainAll((tag, result, res2) -> {
                assertThat(result).isEqualTo(-(tag % 10));
                out.add(tag);
            })).isEqualTo(3);
            assertThat(q.isEmpty()).isTrue();
            assertThat(q.drainAll((tag, result, res2) -> out.add(-1L))).isZero();
        }
        assertThat(out).containsExactly(0L, 1L, 2L, 3L, 4L, 10L, 11L, 12L, 13L, 14L, 20L, 21L, 22L, 23L, 24L);
    }

    @Test
    void workQueueRefusesWhenFull() {
        WorkQueue q = new WorkQueue(4);
        for (int i = 0; i < 4; i++) {
            assertThat(q.offer(i)).isTrue();
        }
        assertThat(q.offer(9)).isFalse();
        assertThat(q.poll()).isZero();
        assertThat(q.offer(9)).isTrue();
    }
}
