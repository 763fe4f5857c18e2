package io.aio4j.internal.pool;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The park/unpark handshake of {@link CompletionRing}: a consumer that waits without a time
 * limit must always be woken by the next post. Two producers post 200,000 completions into an
 * 8-cell ring (each waits for room, as the core's slot cap guarantees), the consumer parks
 * whenever nothing is ready. A lost wakeup shows as a consumer that never finishes.
 */
@Timeout(120)
class CompletionRingParkTest {
    private static final int PER_PRODUCER = 100_000;

    @Test
    void aParkedConsumerIsAlwaysWoken() throws Exception {
        CompletionRing ring = new CompletionRing(8);
        java.util.concurrent.Semaphore room = new java.util.concurrent.Semaphore(8);
        BitSet seen = new BitSet(2 * PER_PRODUCER);
        int[] got = new int[1];
        Thread consumer = Thread.ofPlatform().name("consumer").start(() -> {
            while (got[0] < 2 * PER_PRODUCER) {
                ring.await(-1);
                int n = ring.drain((tag, result, res2) -> {
                    seen.set((int) tag);
                    room.release();
                }, 8);
                got[0] += n;
            }
        });
        Thread[] producers = new Thread[2];
        for (int p = 0; p < 2; p++) {
            int base = p * PER_PRODUCER;
            producers[p] = Thread.ofPlatform().name("producer-" + p).start(() -> {
                for (int i = 0; i < PER_PRODUCER; i++) {
                    room.acquireUninterruptibly();
                    ring.post(base + i, 0);
                }
            });
        }
        for (Thread t : producers) {
            t.join();
        }
        consumer.join(TimeUnit.SECONDS.toMillis(60));
        assertThat(consumer.isAlive()).as("consumer still parked: a lost wakeup (got %d)", got[0]).isFalse();
        assertThat(seen.cardinality()).isEqualTo(2 * PER_PRODUCER);
    }
}
