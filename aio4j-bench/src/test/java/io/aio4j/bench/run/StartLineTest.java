package io.aio4j.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class StartLineTest {
    @Test
    void nobodyGoesBeforeEveryJobIsReadyAndTheLineIsReleased() throws Exception {
        int jobs = 8;
        StartLine line = new StartLine(jobs);
        AtomicInteger gone = new AtomicInteger();
        CountDownLatch allGone = new CountDownLatch(jobs - 1);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < jobs - 1; i++) {
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    line.readyAndWait();
                    gone.incrementAndGet();
                    allGone.countDown();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        Thread launcher = Thread.ofPlatform().start(() -> {
            try {
                line.release();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        launcher.join(200);
        assertThat(launcher.isAlive()).as("release waits for the last job").isTrue();
        assertThat(gone).hasValue(0);
        line.ready(); // the last job failed before the line: it still counts
        launcher.join();
        assertThat(allGone.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(gone).hasValue(jobs - 1);
        for (Thread t : threads) {
            t.join();
        }
    }
}
