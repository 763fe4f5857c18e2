package io.aio4j.async;

import static org.assertj.core.api.Assertions.assertThat;

import io.aio4j.IoRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The intrusive MPSC queue: every offer is polled exactly once, each producer's in order. */
@Timeout(60)
class OperationQueueTest {
    static final class Item extends Operation {
        final int producer;
        final int seq;

        Item(int producer, int seq) {
            this.producer = producer;
            this.seq = seq;
        }

        @Override
        protected boolean prepare(IoRequest request) {
            return false;
        }

        @Override
        protected void complete(long result) {
        }

        @Override
        protected void abort(Throwable cause) {
        }
    }

    @Test
    void emptyQueueIsEmpty() {
        OperationQueue q = new OperationQueue();
        assertThat(q.isEmpty()).isTrue();
        assertThat(q.poll()).isNull();
        Item a = new Item(0, 0);
        q.offer(a);
        assertThat(q.isEmpty()).isFalse();
        assertThat(q.poll()).isSameAs(a);
        assertThat(q.isEmpty()).isTrue();
        assertThat(q.poll()).isNull();
    }

    @Test
    void fourProducersOneConsumerLoseNothingAndKeepEachProducersOrder() throws Exception {
        int producers = 4;
        int perProducer = 200_000;
        OperationQueue q = new OperationQueue();
        Thread[] ts = new Thread[producers];
        for (int p = 0; p < producers; p++) {
            int id = p;
            ts[p] = Thread.ofPlatform().start(() -> {
                for (int i = 0; i < perProducer; i++) {
                    q.offer(new Item(id, i));
                }
            });
        }
        int[] nextSeq = new int[producers];
        int got = 0;
        int outOfOrder = 0;
        while (got < producers * perProducer) {
            Operation o = q.poll();
            if (o == null) {
                Thread.onSpinWait();
                continue;
            }
            Item it = (Item) o;
            if (it.seq != nextSeq[it.producer]) {
                outOfOrder++;
            }
            nextSeq[it.producer] = it.seq + 1;
            got++;
        }
        for (Thread t : ts) {
            t.join();
        }
        assertThat(outOfOrder).isZero();
        assertThat(nextSeq).containsOnly(perProducer);
        assertThat(q.poll()).isNull();
    }
}
