package io.aio4j.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class CpuTimesTest {
    /** Burns about {@code nanos} of this thread's CPU time. */
    private static long spin(long nanos) {
        var tmx = ManagementFactory.getThreadMXBean();
        long end = tmx.getCurrentThreadCpuTime() + nanos;
        long x = 0;
        while (tmx.getCurrentThreadCpuTime() < end) {
            for (int i = 0; i < 10_000; i++) {
                x += i * 31L;
            }
        }
        return x;
    }

    @Test
    void aFewMillisecondsOfWorkAreSeenWithoutTenMillisecondSteps() {
        // the JDK's process CPU time moves in 10 ms clock ticks; the reading must be finer than that
        boolean finerThanTicks = false;
        for (int round = 0; round < 5 && !finerThanTicks; round++) {
            CpuTimes before = CpuTimes.fresh();
            spin(3_000_000);
            CpuTimes d = CpuTimes.fresh().since(before);
            assertThat(d.totalNanos()).isGreaterThanOrEqualTo(2_000_000); // at least this thread's 3 ms, give or take
            assertThat(d.totalNanos()).isEqualTo(d.userNanos() + d.systemNanos());
            finerThanTicks = d.totalNanos() % 10_000_000 != 0;
        }
        assertThat(finerThanTicks).as("every reading a multiple of 10 ms").isTrue();
    }

    @Test
    void contextSwitchesAndPageFaultsAreCountedAsFiosCtxAndMinf() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getProperty("os.name", "").startsWith("Linux"), "getrusage is read on Linux");
        CpuTimes before = CpuTimes.fresh();
        for (int i = 0; i < 5; i++) {
            Thread.sleep(1); // a voluntary context switch each
        }
        try (java.lang.foreign.Arena a = java.lang.foreign.Arena.ofConfined()) {
            java.lang.foreign.MemorySegment m = a.allocate(16L << 20);
            for (long at = 0; at < m.byteSize(); at += 4096) {
                m.set(java.lang.foreign.ValueLayout.JAVA_BYTE, at, (byte) 1); // first touch: a minor fault per page
            }
        }
        CpuTimes d = CpuTimes.fresh().since(before);
        assertThat(d.contextSwitches()).isGreaterThanOrEqualTo(5);
        assertThat(d.minorFaults()).isGreaterThan(0);
        assertThat(d.majorFaults()).isNotNegative();
    }
}
