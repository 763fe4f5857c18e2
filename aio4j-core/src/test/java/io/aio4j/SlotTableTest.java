package io.aio4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** SlotTable: the per-context request slots and their free ring (one taker, one returner). */
class SlotTableTest {
    @Test
    void aNewTableHasEverySlotFree() {
        SlotTable t = new SlotTable(5);
        assertThat(t.capacity()).isEqualTo(5);
        assertThat(t.available()).isEqualTo(5);
        assertThat(t.inUse()).isZero();
        Set<Integer> slots = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            slots.add(t.peekFree(i));
        }
        assertThat(slots).containsExactlyInAnyOrder(0, 1, 2, 3, 4);
    }

    @Test
    void takingAndReleasingMoveTheCounts() {
        SlotTable t = new SlotTable(3);
        int a = t.peekFree(0);
        int b = t.peekFree(1);
        t.commitTake(2);
        assertThat(t.available()).isEqualTo(1);
        assertThat(t.inUse()).isEqualTo(2);
        assertThat(t.peekFree(0)).as("the next free slot is neither taken one").isNotIn(a, b);
        t.release(b);
        assertThat(t.available()).isEqualTo(2);
        assertThat(t.inUse()).isEqualTo(1);
        t.release(a);
        assertThat(t.available()).isEqualTo(3);
    }

    @Test
    void releasedSlotsComeBackInOrder() {
        SlotTable t = new SlotTable(4);
        t.commitTake(4);
        assertThat(t.available()).isZero();
        t.release(2);
        t.release(0);
        assertThat(t.peekFree(0)).isEqualTo(2);
        assertThat(t.peekFree(1)).isEqualTo(0);
    }

    @Test
    void bindGivesANewGenerationEachTimeAndRequestFindsIt() {
        SlotTable t = new SlotTable(2);
        IoRequest r = new IoRequest();
        int g1 = t.bind(1, r);
        assertThat(t.request(1)).isSameAs(r);
        int g2 = t.bind(1, r);
        assertThat(g2).isNotEqualTo(g1);
        assertThat(t.bind(0, r)).as("generations are per slot").isEqualTo(1);
        t.unbind(1);
        assertThat(t.request(1)).isNull();
        t.bind(0, r);
        t.commitTake(1);
        t.release(0);
        assertThat(t.request(0)).as("release forgets the request").isNull();
        assertThat(t.request(-1)).isNull();
        assertThat(t.request(2)).isNull();
    }

    @Test
    void manyCyclesThroughANonPowerOfTwoCapacityNeverHandOutASlotTwice() {
        SlotTable t = new SlotTable(5);
        boolean[] inUse = new boolean[5];
        int[] held = new int[5];
        int heldCount = 0;
        for (int round = 0; round < 10_000; round++) {
            int n = 1 + round % t.available();
            for (int i = 0; i < n; i++) {
                int s = t.peekFree(i);
                assertThat(inUse[s]).as("slot %d handed out while in use", s).isFalse();
                inUse[s] = true;
                held[heldCount++] = s;
            }
            t.commitTake(n);
            int back = 1 + round % heldCount;
            for (int i = 0; i < back; i++) {
                int s = held[0];
                System.arraycopy(held, 1, held, 0, --heldCount);
                inUse[s] = false;
                t.release(s);
            }
            assertThat(t.inUse()).isEqualTo(heldCount);
        }
    }

    @Test
    @Timeout(30)
    void oneTakerAndOneReturnerOnTwoThreads() throws Exception {
        SlotTable t = new SlotTable(8);
        AtomicIntegerArray taken = new AtomicIntegerArray(8); // 1 while a slot is out
        BlockingQueue<Integer> handOff = new ArrayBlockingQueue<>(8);
        int cycles = 100_000;
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread returner = new Thread(() -> {
            try {
                for (int i = 0; i < cycles; i++) {
                    int s = handOff.take();
                    if (!taken.compareAndSet(s, 1, 0)) {
                        throw new AssertionError("returning slot " + s + " that is not out");
                    }
                    t.release(s);
                }
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        returner.setDaemon(true);
        returner.start();
        for (int i = 0; i < cycles && failure.get() == null; i++) {
            while (t.available() == 0) {
                Thread.onSpinWait();
            }
            int s = t.peekFree(0);
            assertThat(taken.compareAndSet(s, 0, 1)).as("slot %d handed out while out", s).isTrue();
            t.commitTake(1);
            handOff.put(s);
        }
        returner.join(TimeUnit.SECONDS.toMillis(20));
        assertThat(failure.get()).isNull();
        assertThat(t.available()).isEqualTo(8);
        assertThat(t.inUse()).isZero();
    }
}
