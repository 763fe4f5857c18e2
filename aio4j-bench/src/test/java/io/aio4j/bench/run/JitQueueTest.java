package io.aio4j.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class JitQueueTest {
    private static final String IDLE = """
            Current compiles:\s
            C1 CompilerThread0  1790       3       java.lang.invoke.DirectMethodHandle$Holder::newInvokeSpecial (20 bytes)

            C1 compile queue:
            1788       3       java.util.List::copyOf (5 bytes)

            C2 compile queue:
            Empty
            """;

    @Test
    void c2IsIdleWhenItsQueueIsEmptyAndNoC2ThreadCompiles() {
        assertThat(JitQueue.c2Idle(IDLE)).isTrue();
        assertThat(JitQueue.c2Idle(IDLE.replace("C1 CompilerThread0", "C2 CompilerThread0"))).isFalse();
        assertThat(JitQueue.c2Idle(IDLE.replace("C2 compile queue:\nEmpty",
                "C2 compile queue:\n1802       4       io.aio4j.IoContext::submit (396 bytes)"))).isFalse();
        assertThat(JitQueue.c2Idle("Current compiles:\n\nC1 compile queue:\nEmpty\n")).isTrue(); // C1 only
    }

    @Test
    void theWaitIsBoundedAndReadsThisJvmsQueue() {
        long start = System.nanoTime();
        JitQueue.awaitC2Idle(300);
        assertThat(System.nanoTime() - start).isLessThan(20_000_000_000L); // bounded, not a timing claim
        JitQueue.awaitC2Idle(0); // returns at once
    }
}
