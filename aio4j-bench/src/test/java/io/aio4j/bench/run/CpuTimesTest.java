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
}
