package io.aio4j.hardening;

import io.aio4j.IoContext;
import io.aio4j.IoEvent;
import java.util.concurrent.TimeUnit;

/** Reaping helpers shared by the hardening tests. */
final class Reap {
    private Reap() {
    }

    /**
     * Reaps exactly {@code n} events into {@code events[0..n)}, failing if they do not all arrive
     * within {@code seconds} (a lost completion shows as this failure, not as a hang).
     */
    static void exactly(IoContext ctx, IoEvent[] events, int n, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        int got = 0;
        while (got < n) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("only " + got + " of " + n + " events arrived within " + seconds + " s on " + ctx);
            }
            got += ctx.getEvents(1, events, got, n - got, left);
        }
    }
}
