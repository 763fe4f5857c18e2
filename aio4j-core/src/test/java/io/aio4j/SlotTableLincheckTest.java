package io.aio4j;

import java.util.ArrayDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.jetbrains.kotlinx.lincheck.LinChecker;
import org.jetbrains.kotlinx.lincheck.annotations.Operation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Lincheck: the free-slot ring of {@link SlotTable} is a linearizable SPSC FIFO of slot numbers.
 * The submitter takes the first free slot (peekFree, bind, commitTake) and hands it to the reaper,
 * which returns the oldest taken slot (release). The sequential specification: a FIFO of free
 * slots, initially 0..capacity-1, and a FIFO of taken ones.
 */
public class SlotTableLincheckTest {
    /** For Lincheck, which instantiates the test per scenario. */
    public SlotTableLincheckTest() {
    }

    private static final int CAPACITY = 3;
    private static final IoRequest REQUEST = new IoRequest();
    private final SlotTable slots = new SlotTable(CAPACITY);
    /** The hand-off from submitter to reaper (in the core: the engine's completion). */
    private final ConcurrentLinkedQueue<Integer> taken = new ConcurrentLinkedQueue<>();

    @Operation(nonParallelGroup = "submitter")
    public int take() {
        if (slots.available() == 0) {
            return -1;
        }
        int s = slots.peekFree(0);
        slots.bind(s, REQUEST);
        slots.commitTake(1);
        taken.add(s);
        return s;
    }

    @Operation(nonParallelGroup = "submitter")
    public int available() {
        return slots.available();
    }

    @Operation(nonParallelGroup = "reaper")
    public int release() {
        Integer s = taken.poll();
        if (s == null) {
            return -1;
        }
        if (slots.request(s) != REQUEST) {
            throw new AssertionError("slot " + s + " lost its request before release");
        }
        slots.release(s);
        return s;
    }

    @Test
    @Timeout(300)
    void modelChecking() {
        LinChecker.check(SlotTableLincheckTest.class, LincheckBudget.modelChecking(2, 3)
                .sequentialSpecification(Model.class));
    }

    /** The sequential specification. */
    public static final class Model {
        private final ArrayDeque<Integer> free = new ArrayDeque<>();
        private final ArrayDeque<Integer> taken = new ArrayDeque<>();

        public Model() {
            for (int i = 0; i < CAPACITY; i++) {
                free.addLast(i);
            }
        }

        public int take() {
            Integer s = free.pollFirst();
            if (s == null) {
                return -1;
            }
            taken.addLast(s);
            return s;
        }

        public int available() {
            return free.size();
        }

        public int release() {
            Integer s = taken.pollFirst();
            if (s == null) {
                return -1;
            }
            free.addLast(s);
            return s;
        }
    }
}
