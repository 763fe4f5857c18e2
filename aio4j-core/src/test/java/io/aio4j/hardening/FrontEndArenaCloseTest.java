package io.aio4j.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import io.aio4j.FileOption;
import io.aio4j.async.AsyncFile;
import io.aio4j.async.IoDispatcher;
import io.aio4j.channels.Aio4jAsynchronousFileChannel;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousFileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #7 item 1c through the front ends: a ByteBuffer view of a shared arena
 * ({@code arena.allocate(n).asByteBuffer()}) keeps the arena's scope, so the core copies it like
 * the segment itself. Closing the arena right after a read is started completes the read either
 * with its count (the completion thread copied back first) or with an IOException naming EFAULT;
 * a write started from it is stored in full. The JVM survives every round, on every engine.
 */
@Timeout(120)
class FrontEndArenaCloseTest {
    private static final int ROUNDS = 300;
    private static final int SIZE = 16 * 1024;

    @TempDir
    Path dir;

    @EngineTest
    void channelReadsAndWritesOnAClosedArenaView(EngineCase engine) throws Exception {
        engine.assumeAvailable();
        Path p = dir.resolve("channel");
        Patterns.create(p, 4 * SIZE);
        int[] outcomes = new int[2];
        try (IoDispatcher d = IoDispatcher.open(8, engine.options());
                AsynchronousFileChannel ch = Aio4jAsynchronousFileChannel.open(d, p,
                        Set.of(StandardOpenOption.READ, StandardOpenOption.WRITE), null)) {
            for (int i = 0; i < ROUNDS; i++) {
                Arena arena = Arena.ofShared();
                ByteBuffer bb = arena.allocate(SIZE, 4096).asByteBuffer();
                Future<Integer> read = ch.read(bb, 0);
                arena.close();
                count(outcomes, () -> (long) read.get(30, TimeUnit.SECONDS));
            }
            writeThenClose(p, (bb, at) -> {
                Future<Integer> w = ch.write(bb, at);
                return () -> w.get(30, TimeUnit.SECONDS);
            });
        }
        report("channel", engine, outcomes);
    }

    @EngineTest
    void asyncFileReadsAndWritesOnAClosedArenaView(EngineCase engine) throws Exception {
        engine.assumeAvailable();
        Path p = dir.resolve("async");
        Patterns.create(p, 4 * SIZE);
        int[] outcomes = new int[2];
        try (AsyncFile f = AsyncFile.open(p, 8, engine.options(), FileOption.READ, FileOption.WRITE)) {
            for (int i = 0; i < ROUNDS; i++) {
                Arena arena = Arena.ofShared();
                ByteBuffer bb = arena.allocate(SIZE, 4096).asByteBuffer();
                var read = (i & 1) == 0 ? f.read(bb, 0) : f.read(arena.allocate(SIZE), SIZE);
                arena.close();
                count(outcomes, () -> read.get(30, TimeUnit.SECONDS));
            }
            writeThenClose(p, (bb, at) -> {
                var w = f.write(bb, at);
                return () -> w.get(30, TimeUnit.SECONDS);
            });
        }
        report("AsyncFile", engine, outcomes);
    }

    private interface Result {
        long get() throws Exception;
    }

    private interface Write {
        Result start(ByteBuffer bb, long at) throws Exception;
    }

    /** outcomes[0]: reads that completed with their count; outcomes[1]: reads failed with EFAULT. */
    private static void count(int[] outcomes, Result read) throws Exception {
        try {
            assertThat(read.get()).isEqualTo(SIZE);
            outcomes[0]++;
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(IOException.class);
            assertThat(e.getCause().getMessage()).contains("EFAULT");
            outcomes[1]++;
        }
    }

    /**
     * Writes marked blocks from shared arenas closed right after each write starts: a write the
     * core took before the close is stored in full (it was copied at submit); one that reached
     * the core after the close fails with EFAULT and stores nothing.
     */
    private static void writeThenClose(Path p, Write write) throws Exception {
        boolean[] stored = new boolean[4];
        for (int i = 0; i < 4; i++) {
            Arena arena = Arena.ofShared();
            MemorySegment s = arena.allocate(SIZE, 4096);
            Patterns.fill(s, (long) i * SIZE, SIZE);
            s.set(ValueLayout.JAVA_LONG_UNALIGNED, 0, -1L - i); // differs from the file
            Result w = write.start(s.asByteBuffer(), (long) i * SIZE);
            arena.close();
            try {
                assertThat(w.get()).isEqualTo(SIZE);
                stored[i] = true;
            } catch (ExecutionException e) {
                assertThat(e.getCause().getMessage()).contains("EFAULT");
            }
        }
        MemorySegment disk = MemorySegment.ofArray(Files.readAllBytes(p));
        for (int i = 0; i < 4; i++) {
            long at = (long) i * SIZE;
            assertThat(disk.get(ValueLayout.JAVA_LONG_UNALIGNED, at)).as("block %d", i).isEqualTo(stored[i] ? -1L - i : at);
            assertThat(Patterns.mismatch(disk.asSlice(at + 8), at + 8, SIZE - 8)).isEqualTo(-1);
        }
    }

    private static void report(String frontEnd, EngineCase engine, int[] outcomes) {
        System.out.printf("arena close via %s [%s]: %d reads: %d completed first, %d EFAULT%n",
                frontEnd, engine, ROUNDS, outcomes[0], outcomes[1]);
        assertThat(outcomes[0] + outcomes[1]).isEqualTo(ROUNDS);
    }
}
