package io.aio4j.channels;

import static java.nio.file.StandardOpenOption.READ;
import static org.assertj.core.api.Assertions.assertThat;

import io.aio4j.Engine;
import io.aio4j.IoRequest;
import io.aio4j.async.IoDispatcher;
import io.aio4j.async.Operation;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.AsynchronousFileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Operations that a close cuts off, made deterministic: a one-entry dispatcher whose completion
 * thread is held, so reads wait in its queue while the channel closes. (The side-by-side test
 * cannot force this on the JDK's channel; this is what the JDK does for a queued task: its
 * begin() fails and the caller gets AsynchronousCloseException.)
 */
@Timeout(30)
class ChannelCloseCutOffTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = Engine.class, names = {"PORTABLE", "AUTO"})
    void queuedReadsFailWithAsynchronousCloseExceptionAndCloseWaitsForThem(Engine engine) throws Exception {
        Path p = Patterns.write(dir, "f", 1 << 16);
        ChannelKind kind = engine == Engine.AUTO ? ChannelKind.AIO4J_AUTO : ChannelKind.AIO4J_PORTABLE;
        kind.dispatcher(); // skips if unavailable
        try (IoDispatcher d = IoDispatcher.open(1, io.aio4j.ContextOptions.of(engine))) {
            AsynchronousFileChannel ch = Aio4jAsynchronousFileChannel.open(d, p, Set.of(READ), null);
            CountDownLatch held = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            d.submit(new Operation() {
                @Override
                protected boolean prepare(IoRequest r) {
                    r.prepNop();
                    return true;
                }

                @Override
                protected void complete(long result) {
                    held.countDown();
                    try {
                        release.await(20, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }

                @Override
                protected void abort(Throwable cause) {
                }
            });
            assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
            List<Future<Integer>> reads = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                reads.add(ch.read(ByteBuffer.allocate(100), i * 100L));
            }
            Thread closer = Thread.ofPlatform().start(() -> {
                try {
                    ch.close();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            closer.join(300);
            assertThat(closer.isAlive()).as("close waits for the operations it cut off").isTrue();
            release.countDown();
            closer.join(10_000);
            assertThat(closer.isAlive()).isFalse();
            assertThat(reads.get(0).get(10, TimeUnit.SECONDS)).isEqualTo(100); // it was in flight: it finished
            for (Future<Integer> f : reads.subList(1, 5)) {
                try {
                    f.get(10, TimeUnit.SECONDS);
                    throw new AssertionError("a queued read completed after close");
                } catch (ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(AsynchronousCloseException.class);
                }
            }
        }
    }
}
