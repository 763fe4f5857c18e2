package io.aio4j;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.jetbrains.kotlinx.lincheck.LinChecker;
import org.jetbrains.kotlinx.lincheck.annotations.Operation;
import org.jetbrains.kotlinx.lincheck.annotations.Param;
import org.jetbrains.kotlinx.lincheck.paramgen.LongGen;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Lincheck: {@link CompletionBacklog} is a linearizable SPSC FIFO. One producer pushes (the
 * submitter), one consumer drains (the reaper); the sequential specification is an ArrayDeque.
 * Capacity exceeds what one test scenario can push, as the slot table guarantees in the core.
 */
@Param(name = "tag", gen = LongGen.class, conf = "1:99")
public class CompletionBacklogLincheckTest {
    /** For Lincheck, which instantiates the test per scenario. */
    public CompletionBacklogLincheckTest() {
    }

    private static final int CAPACITY = 16;
    private final CompletionBacklog backlog = new CompletionBacklog(CAPACITY);

    @Operation(nonParallelGroup = "producer")
    public void push(@Param(name = "tag") long tag) {
        backlog.push(tag, -tag, tag * 2);
    }

    @Operation(nonParallelGroup = "consumer")
    public List<Long> drain() {
        List<Long> out = new ArrayList<>();
        backlog.drain((tag, result, res2) -> {
            if (result != -tag || res2 != tag * 2) {
                throw new AssertionError("torn entry: tag=" + tag + " result=" + result + " res2=" + res2);
            }
            out.add(tag);
        }, 3);
        return out;
    }

    @Operation(nonParallelGroup = "consumer")
    public boolean isEmpty() {
        return backlog.isEmpty();
    }

    @Test
    @Timeout(300)
    void modelChecking() {
        LinChecker.check(CompletionBacklogLincheckTest.class, LincheckBudget.modelChecking(2, 3)
                .sequentialSpecification(Model.class));
    }

    /** The sequential specification: a FIFO. */
    public static final class Model {
        /** An empty model. */
        public Model() {
        }

        private final ArrayDeque<Long> q = new ArrayDeque<>();

        public void push(long tag) {
            q.addLast(tag);
        }

        public List<Long> drain() {
            List<Long> out = new ArrayList<>();
            while (out.size() < 3 && !q.isEmpty()) {
                out.add(q.pollFirst());
            }
            return out;
        }

        public boolean isEmpty() {
            return q.isEmpty();
        }
    }
}
