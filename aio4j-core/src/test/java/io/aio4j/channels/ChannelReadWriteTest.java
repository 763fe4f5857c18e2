package io.aio4j.channels;

import static java.nio.file.StandardOpenOption.CREATE;
import static java.nio.file.StandardOpenOption.READ;
import static java.nio.file.StandardOpenOption.WRITE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousFileChannel;
import java.nio.channels.CompletionHandler;
import java.nio.channels.NonReadableChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Reads and writes, side by side with the JDK's channel: every assertion is what the JDK does. */
@Timeout(30)
class ChannelReadWriteTest {
    @TempDir
    Path dir;

    static java.util.stream.Stream<ChannelKind> kinds() {
        return ChannelKind.all();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void readsHeapAndDirectBuffersAndAdvancesPosition(ChannelKind kind) throws Exception {
        Path p = Patterns.write(dir, "f", 10_000);
        try (AsynchronousFileChannel ch = kind.open(p, READ)) {
            for (ByteBuffer b : new ByteBuffer[] {ByteBuffer.allocate(4096), ByteBuffer.allocateDirect(4096)}) {
                b.position(100).limit(1100);
                assertThat(ch.read(b, 2000).get()).isEqualTo(1000);
                assertThat(b.position()).isEqualTo(1100);
                assertThat(b.limit()).isEqualTo(1100);
                assertThat(Patterns.matches(b, 100, 1100, 2000)).isTrue();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void shortReadAtTheEndThenMinusOneAtAndPastEof(ChannelKind kind) throws Exception {
        Path p = Patterns.write(dir, "f", 5000);
        try (AsynchronousFileChannel ch = kind.open(p, READ)) {
            ByteBuffer b = ByteBuffer.allocate(4096);
            assertThat(ch.read(b, 4000).get()).isEqualTo(1000);
            assertThat(b.position()).isEqualTo(1000);
            b.clear();
            assertThat(ch.read(b, 5000).get()).isEqualTo(-1);
            assertThat(ch.read(b, 1 << 20).get()).isEqualTo(-1);
            assertThat(b.position()).isZero();
            b.position(b.limit());
            assertThat(ch.read(b, 0).get()).isZero(); // nothing remaining: 0, not -1
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void argumentErrorsAreThrownAtTheCall(ChannelKind kind) throws Exception {
        Path p = Patterns.write(dir, "f", 100);
        try (AsynchronousFileChannel ch = kind.open(p, READ, WRITE)) {
            ByteBuffer b = ByteBuffer.allocate(10);
            assertThatThrownBy(() -> ch.read(b, -1)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> ch.write(b, -1)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> ch.read(b.asReadOnlyBuffer(), 0)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> ch.read(b, 0, null, null)).isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> ch.truncate(-1)).isInstanceOf(IllegalArgumentException.class);
        }
        try (AsynchronousFileChannel ro = kind.open(p, READ)) {
            assertThatThrownBy(() -> ro.write(ByteBuffer.allocate(1), 0)).isInstanceOf(NonWritableChannelException.class);
            assertThatThrownBy(() -> ro.truncate(0)).isInstanceOf(NonWritableChannelException.class);
        }
        try (AsynchronousFileChannel wo = kind.open(p, WRITE)) {
            assertThatThrownBy(() -> wo.read(ByteBuffer.allocate(1), 0)).isInstanceOf(NonReadableChannelException.class);
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void writesPastTheEndLeaveZerosAndReadBack(ChannelKind kind) throws Exception {
        Path p = dir.resolve("w");
        try (AsynchronousFileChannel ch = kind.open(p, Set.of(READ, WRITE, CREATE), null)) {
            ByteBuffer heap = ByteBuffer.wrap("hello".getBytes());
            assertThat(ch.write(heap, 10_000).get()).isEqualTo(5);
            assertThat(heap.position()).isEqualTo(5);
            ByteBuffer direct = ByteBuffer.allocateDirect(3).put("abc".getBytes()).flip();
            assertThat(ch.write(direct, 2).get()).isEqualTo(3);
            assertThat(direct.hasRemaining()).isFalse();
            assertThat(ch.size()).isEqualTo(10_005);
            ch.force(true);
            ch.force(false);
        }
        byte[] all = Files.readAllBytes(p);
        assertThat(all).hasSize(10_005);
        assertThat(new String(all, 2, 3)).isEqualTo("abc");
        assertThat(new String(all, 10_000, 5)).isEqualTo("hello");
        for (int i = 5; i < 10_000; i++) {
            assertThat(all[i]).as("byte %d", i).isZero();
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void truncateOnlyShrinks(ChannelKind kind) throws Exception {
        Path p = Patterns.write(dir, "f", 1000);
        try (AsynchronousFileChannel ch = kind.open(p, READ, WRITE)) {
            assertThat(ch.truncate(5000)).isSameAs(ch);
            assertThat(ch.size()).isEqualTo(1000);
            ch.truncate(10);
            assertThat(ch.size()).isEqualTo(10);
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void completionHandlersGetCountAndAttachmentOnTheExecutor(ChannelKind kind) throws Exception {
        Path p = Patterns.write(dir, "f", 3000);
        ExecutorService ex = Executors.newFixedThreadPool(1, r -> new Thread(r, "test-executor"));
        try (AsynchronousFileChannel ch = kind.open(p, Set.of(READ), ex)) {
            CompletableFuture<String> got = new CompletableFuture<>();
            ByteBuffer b = ByteBuffer.allocateDirect(2000);
            ch.read(b, 2000, "att", new CompletionHandler<Integer, String>() {
                @Override
                public void completed(Integer n, String a) {
                    got.complete(n + " " + a + " " + Thread.currentThread().getName() + " " + b.position());
                }

                @Override
                public void failed(Throwable t, String a) {
                    got.completeExceptionally(t);
                }
            });
            assertThat(got.get(10, TimeUnit.SECONDS)).isEqualTo("1000 att test-executor 1000");
        } finally {
            ex.shutdown();
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void manyThreadsReadConcurrently(ChannelKind kind) throws Exception {
        int size = 1 << 20;
        Path p = Patterns.write(dir, "f", size);
        try (AsynchronousFileChannel ch = kind.open(p, READ)) {
            Thread[] ts = new Thread[8];
            java.util.concurrent.atomic.AtomicInteger bad = new java.util.concurrent.atomic.AtomicInteger();
            for (int t = 0; t < ts.length; t++) {
                int seed = t;
                ts[t] = Thread.ofPlatform().start(() -> {
                    java.util.Random rnd = new java.util.Random(seed);
                    for (int i = 0; i < 200; i++) {
                        long off = rnd.nextInt(size / 512) * 512L;
                        ByteBuffer b = (i & 1) == 0 ? ByteBuffer.allocate(512) : ByteBuffer.allocateDirect(512);
                        try {
                            if (ch.read(b, off).get() != 512 || !Patterns.matches(b, 0, 512, off)) {
                                bad.incrementAndGet();
                            }
                        } catch (Exception e) {
                            bad.incrementAndGet();
                        }
                    }
                });
            }
            for (Thread t : ts) {
                t.join();
            }
            assertThat(bad).hasValue(0);
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aHandlerMayWaitOnAFutureOfTheSameChannel(ChannelKind kind) throws Exception {
        Path p = Patterns.write(dir, "f", 8192);
        try (AsynchronousFileChannel ch = kind.open(p, READ)) {
            CompletableFuture<Integer> inner = new CompletableFuture<>();
            ch.read(ByteBuffer.allocate(100), 0, null, new CompletionHandler<Integer, Object>() {
                @Override
                public void completed(Integer n, Object a) {
                    try {
                        inner.complete(ch.read(ByteBuffer.allocate(50), 4000).get()); // blocks this handler thread
                    } catch (Exception e) {
                        inner.completeExceptionally(e);
                    }
                }

                @Override
                public void failed(Throwable t, Object a) {
                    inner.completeExceptionally(t);
                }
            });
            assertThat(inner.get(10, TimeUnit.SECONDS)).isEqualTo(50);
        }
    }
}
