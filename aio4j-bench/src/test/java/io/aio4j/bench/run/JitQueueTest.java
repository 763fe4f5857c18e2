package io.aio4j.bench.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class JitQueueTest {
    @Test
    void aThreadIsIdleOnlyIfAsleepAtBothLooksAndItBarelyRan() {
        assertThat(JitQueue.Look.idle(new JitQueue.Look('S', 100), new JitQueue.Look('S', 200))).isTrue();
        assertThat(JitQueue.Look.idle(new JitQueue.Look('S', 100), new JitQueue.Look('R', 200))).isFalse();
        assertThat(JitQueue.Look.idle(new JitQueue.Look('R', 100), new JitQueue.Look('S', 200))).isFalse();
        assertThat(JitQueue.Look.idle(new JitQueue.Look('S', 0), new JitQueue.Look('S', 5_000_000))).isFalse();
    }

    @Test
    void findsThisJvmsC2ThreadsWhenC2IsOn() {
        boolean c2 = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .noneMatch(a -> a.startsWith("-XX:TieredStopAtLevel") || a.equals("-Xint"));
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")) && c2, "no /proc or no C2 in this JVM");
        List<Path> threads = JitQueue.c2Threads();
        assertThat(threads).isNotEmpty();
        JitQueue.Look look = JitQueue.look(threads.getFirst());
        assertThat(look).isNotNull();
        assertThat(look.ranNanos()).isPositive(); // it compiled the JDK's start-up methods already
    }

    @Test
    void theWaitIsBounded() {
        long start = System.nanoTime();
        JitQueue.awaitC2Idle(300);
        assertThat(System.nanoTime() - start).isLessThan(20_000_000_000L); // bounded, not a timing claim
        JitQueue.awaitC2Idle(0); // returns at once
    }
}
