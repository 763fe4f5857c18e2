package io.aio4j.internal.pool;

import io.aio4j.LincheckBudget;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jetbrains.kotlinx.lincheck.LinChecker;
import org.jetbrains.kotlinx.lincheck.annotations.Operation;
import org.jetbrains.kotlinx.lincheck.annotations.Param;
import org.jetbrains.kotlinx.lincheck.paramgen.LongGen;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Lincheck: {@link CompletionRing} is an MPSC FIFO (several producers post, one consumer drains),
 * and its wakeup is a sticky flag that a non-waiting await consumes.
 *
 * <p>A plain drain is not linearizable, and Lincheck shows why: a post that has returned can stay
 * invisible behind an earlier-claimed cell whose producer has not published yet (Vyukov's bounded
 * queue). The core relies on less: every publish unparks a waiting consumer, so a completion is
 * delayed, never lost. The consumer operation therefore drains until it has received every post
 * that had returned when it started (it may get more), which is linearizable for a correct ring
 * and fails for lost, duplicated, reordered or never-visible completions. Eight
 * cells hold every post of a scenario (at most 8 operations), as the core's slot cap guarantees
 * in production. The wrap-around and the parking side (a consumer that waits and must be
 * unparked) are checked by {@link CompletionRingParkTest}.
 */
@Param(name = "tag", gen = LongGen.class, conf = "1:99")
public class CompletionRingLincheckTest {
    /** For Lincheck, which instantiates the test per scenario. */
    public CompletionRingLincheckTest() {
    }

    private final CompletionRing ring = new CompletionRing(8);
    /** Posts that have returned. */
    private final AtomicInteger posted = new AtomicInteger();
    /** Completions the consumer has received (consumer only). */
    private int received;

    @Operation
    public void post(@Param(name = "tag") long tag) {
        ring.post(tag, -tag);
        posted.incrementAndGet();
    }

    @Operation
    public void wakeup() {
        ring.wakeup();
    }

    @Operation(nonParallelGroup = "consumer")
    public List<Long> drain() {
        List<Long> out = new ArrayList<>();
        int target = posted.get();
        while (received < target) {
            int n = ring.drain((tag, result, res2) -> {
                if (result != -tag) {
                    throw new AssertionError("torn completion: tag=" + tag + " result=" + result);
                }
                out.add(tag);
            }, 3);
            received += n;
            if (n == 0) {
                Thread.onSpinWait(); // an earlier-claimed cell is not published yet
            }
        }
        received += ring.drain((tag, result, res2) -> out.add(tag), 3);
        return out;
    }

    @Operation(nonParallelGroup = "consumer")
    public boolean awaitNoWait() {
        return ring.await(0);
    }

    @Test
    @Timeout(300)
    void modelChecking() {
        // at most 1 + 2 x 3 + 1 = 8 posts: never more completions than cells, as in the core
        LinChecker.check(CompletionRingLincheckTest.class, LincheckBudget.modelChecking(2, 3)
                .sequentialSpecification(Model.class));
    }

    /** The sequential specification: a FIFO and a sticky wake flag. */
    public static final class Model {
        /** An empty model. */
        public Model() {
        }

        private final ArrayDeque<Long> q = new ArrayDeque<>();
        private boolean wake;

        public void post(long tag) {
            q.addLast(tag);
        }

        public void wakeup() {
            wake = true;
        }

        public List<Long> drain() {
            List<Long> out = new ArrayList<>(q);
            q.clear();
            return out;
        }

        public boolean awaitNoWait() {
            boolean w = wake;
            wake = false;
            return w;
        }
    }
}
