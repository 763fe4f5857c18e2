package io.aio4j.internal.pool;

import io.aio4j.LincheckBudget;
import java.util.ArrayDeque;
import org.jetbrains.kotlinx.lincheck.LinChecker;
import org.jetbrains.kotlinx.lincheck.annotations.Operation;
import org.jetbrains.kotlinx.lincheck.annotations.Param;
import org.jetbrains.kotlinx.lincheck.paramgen.LongGen;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Lincheck: {@link LongQueue} (submitter to SQ thread / workers) is a linearizable bounded FIFO
 * with close: offer fails when full or closed, a non-waiting poll returns -1 when empty, and
 * close leaves queued tags takeable. Takers run in parallel (the workers); offers come from the
 * submitter. Capacity 2, so full and wrap-around are reached.
 */
@Param(name = "tag", gen = LongGen.class, conf = "0:9")
public class LongQueueLincheckTest {
    /** For Lincheck, which instantiates the test per scenario. */
    public LongQueueLincheckTest() {
    }

    private static final int CAPACITY = 2;
    private final LongQueue queue = new LongQueue(CAPACITY);

    @Operation(nonParallelGroup = "submitter")
    public boolean offer(@Param(name = "tag") long tag) {
        return queue.offer(tag);
    }

    @Operation
    public long pollNow() {
        return queue.pollNow();
    }

    @Operation(nonParallelGroup = "submitter")
    public void close() {
        queue.close();
    }

    @Test
    @Timeout(300)
    void modelChecking() {
        LinChecker.check(LongQueueLincheckTest.class, LincheckBudget.modelChecking(2, 3)
                .sequentialSpecification(Model.class));
    }

    /** The sequential specification. */
    public static final class Model {
        /** An empty model. */
        public Model() {
        }

        private final ArrayDeque<Long> q = new ArrayDeque<>();
        private boolean closed;

        public boolean offer(long tag) {
            if (closed || q.size() == CAPACITY) {
                return false;
            }
            q.addLast(tag);
            return true;
        }

        public long pollNow() {
            Long t = q.pollFirst();
            return t == null ? -1 : t;
        }

        public void close() {
            closed = true;
        }
    }
}
