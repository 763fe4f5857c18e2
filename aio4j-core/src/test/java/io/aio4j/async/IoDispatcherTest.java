package io.aio4j.async;

import static org.assertj.core.api.Assertions.assertThat;

import io.aio4j.ContextClosedException;
import io.aio4j.Engine;
import io.aio4j.IoRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@Timeout(60)
class IoDispatcherTest {
    static java.util.stream.Stream<Engine> engines() {
        return Dispatchers.engines();
    }

    /** A NOOP whose completion runs {@code onComplete}; records how it ended. */
    static final class Nop extends Operation {
        final CompletableFuture<String> outcome = new CompletableFuture<>();
        final Runnable onComplete;

        Nop(Runnable onComplete) {
            this.onComplete = onComplete;
        }

        @Override
        protected boolean prepare(IoRequest request) {
            request.prepNop();
            return true;
        }

        @Override
        protected void complete(long result) {
            onComplete.run();
            outcome.complete(result >= 0 ? "completed" : "failed " + result);
        }

        @Override
        protected void abort(Throwable cause) {
            outcome.complete("aborted " + cause.getClass().getSimpleName());
        }
    }

    @ParameterizedTest
    @MethodSource("engines")
    void completionThreadIsANamedDaemonAndCallbacksRunOnIt(Engine engine) throws Exception {
        try (IoDispatcher d = Dispatchers.open(engine, 4)) {
            CompletableFuture<Thread> where = new CompletableFuture<>();
            Nop n = new Nop(() -> where.complete(Thread.currentThread()));
            d.submit(n);
            Thread t = where.get(10, TimeUnit.SECONDS);
            assertThat(t.getName()).startsWith("aio4j-completions-");
            assertThat(t.isDaemon()).isTrue();
            assertThat(t.isVirtual()).isFalse();
        }
    }

    @ParameterizedTest
    @MethodSource("engines")
    void closeAbortsWhatIsQueuedAndCompletesWhatIsInFlight(Engine engine) throws Exception {
        IoDispatcher d = Dispatchers.open(engine, 1);
        CountDownLatch inCallback = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Nop first = new Nop(() -> {
            inCallback.countDown();
            awaitQuietly(release);
        });
        d.submit(first);
        assertThat(inCallback.await(10, TimeUnit.SECONDS)).isTrue();
        // the completion thread is held in first's callback: one more fits, the rest queue
        List<Nop> more = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Nop n = new Nop(() -> { });
            more.add(n);
            d.submit(n);
        }
        Thread closer = Thread.ofPlatform().start(d::close);
        for (Nop n : more.subList(1, 5)) {
            assertThat(n.outcome.get(10, TimeUnit.SECONDS)).isEqualTo("aborted ContextClosedException");
        }
        release.countDown();
        closer.join(10_000);
        assertThat(closer.isAlive()).isFalse();
        assertThat(first.outcome).isCompletedWithValue("completed");
        assertThat(more.get(0).outcome.get(10, TimeUnit.SECONDS)).isIn("completed", "failed -125");
        Nop late = new Nop(() -> { });
        d.submit(late);
        assertThat(late.outcome.get(10, TimeUnit.SECONDS)).isEqualTo("aborted " + ContextClosedException.class.getSimpleName());
    }

    @ParameterizedTest
    @MethodSource("engines")
    void aCallbackMayWaitForAnotherOperationWithoutDeadlock(Engine engine) throws Exception {
        try (IoDispatcher d = Dispatchers.open(engine, 4)) {
            CompletableFuture<String> result = new CompletableFuture<>();
            Nop outer = new Nop(() -> {
                Nop inner = new Nop(() -> { });
                d.submit(inner);
                try {
                    d.helpUntil(inner.outcome::isDone);
                    result.complete(inner.outcome.getNow("not done"));
                } catch (InterruptedException e) {
                    result.completeExceptionally(e);
                }
            });
            d.submit(outer);
            assertThat(result.get(10, TimeUnit.SECONDS)).isEqualTo("completed");
        }
    }

    @ParameterizedTest
    @MethodSource("engines")
    void thousandsOfOperationsThroughOneEntryAllComplete(Engine engine) throws Exception {
        try (IoDispatcher d = Dispatchers.open(engine, 1)) {
            AtomicInteger done = new AtomicInteger();
            CountDownLatch all = new CountDownLatch(5000);
            Thread[] ts = new Thread[4];
            for (int t = 0; t < ts.length; t++) {
                ts[t] = Thread.ofPlatform().start(() -> {
                    for (int i = 0; i < 1250; i++) {
                        d.submit(new Nop(() -> {
                            done.incrementAndGet();
                            all.countDown();
                        }));
                    }
                });
            }
            assertThat(all.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(done).hasValue(5000);
        }
    }

    private static void awaitQuietly(CountDownLatch l) {
        try {
            l.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
