package io.aio4j.channels;

import static java.nio.file.StandardOpenOption.APPEND;
import static java.nio.file.StandardOpenOption.CREATE_NEW;
import static java.nio.file.StandardOpenOption.DELETE_ON_CLOSE;
import static java.nio.file.StandardOpenOption.READ;
import static java.nio.file.StandardOpenOption.WRITE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.AsynchronousFileChannel;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.CompletionHandler;
import java.nio.channels.FileLock;
import java.nio.channels.NonReadableChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Close, locks and open options, side by side with the JDK's channel. */
@Timeout(30)
class ChannelLifecycleTest {
    @TempDir
    Path dir;

    static java.util.stream.Stream<ChannelKind> kinds() {
        return ChannelKind.all();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void onAClosedChannelTheChecksComeInTheJdksOrder(ChannelKind kind) throws Exception {
        // found by a differential run of 60 cases against the JDK's channel: a lock's mode is
        // checked first, then the channel being closed, then the range; truncate reports the
        // close as asynchronous, after its argument and mode checks
        Path p = Patterns.write(dir, "f", 100);
        AsynchronousFileChannel rw = kind.open(p, READ, WRITE);
        rw.close();
        assertThatThrownBy(() -> rw.lock(-1, 10, false).get()).isInstanceOf(ExecutionException.class)
                .hasCauseExactlyInstanceOf(ClosedChannelException.class);
        assertThatThrownBy(() -> rw.tryLock(-1, 10, false)).isExactlyInstanceOf(ClosedChannelException.class);
        assertThatThrownBy(() -> rw.truncate(1)).isExactlyInstanceOf(AsynchronousCloseException.class);
        assertThatThrownBy(() -> rw.truncate(-1)).isExactlyInstanceOf(IllegalArgumentException.class);
        AsynchronousFileChannel r = kind.open(p, READ);
        r.close();
        assertThatThrownBy(() -> r.lock(-1, 10, false)).isExactlyInstanceOf(NonWritableChannelException.class);
        assertThatThrownBy(() -> r.truncate(1)).isExactlyInstanceOf(NonWritableChannelException.class);
        AsynchronousFileChannel open = kind.open(p, READ, WRITE);
        try {
            assertThatThrownBy(() -> open.lock(-1, 10, false)).isExactlyInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> open.tryLock(0, -1, true)).isExactlyInstanceOf(IllegalArgumentException.class);
        } finally {
            open.close();
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void afterCloseFailuresArriveThroughFutureAndHandler(ChannelKind kind) throws Exception {
        Path p = Patterns.write(dir, "f", 100);
        AsynchronousFileChannel ch = kind.open(p, READ, WRITE);
        ch.close();
        ch.close(); // idempotent
        assertThat(ch.isOpen()).isFalse();
        Future<Integer> f = ch.read(ByteBuffer.allocate(10), 0);
        assertThatThrownBy(f::get).isInstanceOf(ExecutionException.class).hasCauseInstanceOf(ClosedChannelException.class);
        assertThatThrownBy(() -> ch.write(ByteBuffer.allocate(10), 0).get()).hasCauseInstanceOf(ClosedChannelException.class);
        CompletableFuture<Throwable> failed = new CompletableFuture<>();
        ch.read(ByteBuffer.allocate(10), 0, null, new CompletionHandler<Integer, Object>() {
            @Override
            public void completed(Integer n, Object a) {
                failed.complete(null);
            }

            @Override
            public void failed(Throwable t, Object a) {
                failed.complete(t);
            }
        });
        assertThat(failed.get(10, TimeUnit.SECONDS)).isInstanceOf(ClosedChannelException.class);
        assertThatThrownBy(ch::size).isInstanceOf(ClosedChannelException.class);
        assertThatThrownBy(() -> ch.force(true)).isInstanceOf(ClosedChannelException.class);
        assertThatThrownBy(() -> ch.tryLock()).isInstanceOf(ClosedChannelException.class);
        // argument checks still come first, as the JDK's
        assertThatThrownBy(() -> ch.read(ByteBuffer.allocate(1), -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void operationsCutOffByCloseFailWithAsynchronousCloseException(ChannelKind kind) throws Exception {
        Path p = Patterns.write(dir, "f", 1 << 20);
        AsynchronousFileChannel ch = kind.open(p, READ);
        List<Future<Integer>> fs = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            fs.add(ch.read(ByteBuffer.allocateDirect(4096), (i * 4096L) % (1 << 20)));
        }
        ch.close();
        for (Future<Integer> f : fs) {
            try {
                assertThat(f.get()).isEqualTo(4096);
            } catch (ExecutionException e) {
                assertThat(e.getCause()).isInstanceOf(AsynchronousCloseException.class);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void locksHaveTheJdkSemantics(ChannelKind kind) throws Exception {
        Path p = Patterns.write(dir, "f", 100);
        try (AsynchronousFileChannel ch = kind.open(p, READ, WRITE)) {
            FileLock l = ch.lock(0, 50, false).get();
            assertThat(l.isValid()).isTrue();
            assertThat(l.acquiredBy()).isSameAs(ch);
            assertThat(l.isShared()).isFalse();
            assertThatThrownBy(() -> ch.tryLock(10, 10, true)).isInstanceOf(OverlappingFileLockException.class);
            FileLock other = ch.tryLock(60, 10, false);
            assertThat(other).isNotNull();
            l.release();
            assertThat(l.isValid()).isFalse();
            CompletableFuture<FileLock> viaHandler = new CompletableFuture<>();
            ch.lock(0, 50, true, null, new CompletionHandler<FileLock, Object>() {
                @Override
                public void completed(FileLock r, Object a) {
                    viaHandler.complete(r);
                }

                @Override
                public void failed(Throwable t, Object a) {
                    viaHandler.completeExceptionally(t);
                }
            });
            assertThat(viaHandler.get(10, TimeUnit.SECONDS).isShared()).isTrue();
            ch.close();
            assertThat(other.isValid()).isFalse();
        }
        try (AsynchronousFileChannel ro = kind.open(p, READ)) {
            assertThatThrownBy(() -> ro.lock(0, 10, false)).isInstanceOf(NonWritableChannelException.class);
            assertThat(ro.tryLock(0, 10, true)).isNotNull();
            assertThatThrownBy(() -> ro.tryLock(-1, 10, true)).isInstanceOf(IllegalArgumentException.class);
        }
        try (AsynchronousFileChannel wo = kind.open(p, WRITE)) {
            assertThatThrownBy(() -> wo.tryLock(0, 10, true)).isInstanceOf(NonReadableChannelException.class);
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void openOptionsAsTheJdkReadsThem(ChannelKind kind) throws Exception {
        Path p = Patterns.write(dir, "f", 100);
        assertThatThrownBy(() -> kind.open(p, WRITE, APPEND)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> kind.open(p, WRITE, CREATE_NEW)).isInstanceOf(FileAlreadyExistsException.class);
        assertThatThrownBy(() -> kind.open(dir.resolve("missing"), READ)).isInstanceOf(NoSuchFileException.class);
        assertThat(Files.exists(dir.resolve("missing"))).isFalse();
        // CREATE without WRITE is ignored, as the JDK ignores it
        assertThatThrownBy(() -> kind.open(dir.resolve("missing"), READ, java.nio.file.StandardOpenOption.CREATE))
                .isInstanceOf(NoSuchFileException.class);
        Path created = dir.resolve("created");
        try (AsynchronousFileChannel ch = kind.open(created, Set.of(WRITE, CREATE_NEW), null,
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))) {
            assertThat(ch.write(ByteBuffer.wrap(new byte[] {1, 2}), 0).get()).isEqualTo(2);
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(created))).isEqualTo("rw-------");
        Path temp = dir.resolve("temp");
        try (AsynchronousFileChannel ch = kind.open(temp, WRITE, CREATE_NEW, DELETE_ON_CLOSE)) {
            assertThat(ch.write(ByteBuffer.wrap(new byte[] {1}), 0).get()).isEqualTo(1);
        }
        assertThat(Files.exists(temp)).isFalse();
    }
}
