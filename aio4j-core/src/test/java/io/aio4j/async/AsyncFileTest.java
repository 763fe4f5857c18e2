package io.aio4j.async;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aio4j.Engine;
import io.aio4j.FileOption;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@Timeout(30)
class AsyncFileTest {
    @TempDir
    Path dir;

    static java.util.stream.Stream<Engine> engines() {
        return Dispatchers.engines();
    }

    @ParameterizedTest
    @MethodSource("engines")
    void everyOperationCompletesItsFuture(Engine engine) throws Exception {
        try (IoDispatcher d = Dispatchers.open(engine, 16);
                AsyncFile f = AsyncFile.open(d, dir.resolve("f"), FileOption.READ, FileOption.WRITE, FileOption.CREATE);
                Arena arena = Arena.ofShared()) {
            MemorySegment a = arena.allocateFrom("abcd");
            assertThat(f.write(a, 0).get(10, TimeUnit.SECONDS)).isEqualTo(5L);
            ByteBuffer heap = ByteBuffer.wrap("XY".getBytes());
            assertThat(f.write(heap, 5).get(10, TimeUnit.SECONDS)).isEqualTo(2L);
            assertThat(heap.position()).isEqualTo(2);
            MemorySegment[] parts = {MemorySegment.ofArray(new byte[] {1, 2}), arena.allocate(3).fill((byte) 3)};
            assertThat(f.writev(parts, 7).get(10, TimeUnit.SECONDS)).isEqualTo(5L);
            assertThat(f.size().get()).isEqualTo(12L);
            MemorySegment r1 = arena.allocate(4);
            byte[] r2 = new byte[20];
            assertThat(f.readv(new MemorySegment[] {r1, MemorySegment.ofArray(r2)}, 0).get(10, TimeUnit.SECONDS)).isEqualTo(12L);
            assertThat(new String(r1.toArray(java.lang.foreign.ValueLayout.JAVA_BYTE))).isEqualTo("abcd");
            assertThat(r2[0]).isZero();
            assertThat(new String(r2, 1, 2)).isEqualTo("XY");
            assertThat(r2[3]).isEqualTo((byte) 1);
            assertThat(r2[7]).isEqualTo((byte) 3);
            ByteBuffer rb = ByteBuffer.allocateDirect(8);
            assertThat(f.read(rb, 10).get(10, TimeUnit.SECONDS)).isEqualTo(2L);
            assertThat(rb.position()).isEqualTo(2);
            assertThat(f.read(arena.allocate(8), 100).get(10, TimeUnit.SECONDS)).isZero(); // EOF
            assertThat(f.fsync().get(10, TimeUnit.SECONDS)).isNull();
            assertThat(f.fdatasync().get(10, TimeUnit.SECONDS)).isNull();
            f.fallocate(0, 0, 1 << 16).get(10, TimeUnit.SECONDS);
            assertThat(f.size().get()).isEqualTo(1L << 16);
            assertThatThrownBy(() -> f.read(arena.allocate(1), -1)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> f.read(ByteBuffer.allocate(1).asReadOnlyBuffer(), 0)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> f.fallocate(0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
            f.close();
            assertThatThrownBy(() -> f.read(arena.allocate(1), 0).get()).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(ClosedChannelException.class);
            assertThatThrownBy(() -> f.size().get()).hasCauseInstanceOf(ClosedChannelException.class);
        }
    }

    @ParameterizedTest
    @MethodSource("engines")
    void errorsNameTheCallAndErrno(Engine engine) throws Exception {
        Path p = dir.resolve("ro");
        Files.write(p, new byte[10]);
        try (IoDispatcher d = Dispatchers.open(engine, 4); AsyncFile f = AsyncFile.open(d, p, FileOption.READ)) {
            assertThatThrownBy(() -> f.write(MemorySegment.ofArray(new byte[1]), 0).get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).cause().hasMessageContaining("pwrite").hasMessageContaining("EBADF");
        }
    }

    @ParameterizedTest
    @MethodSource("engines")
    void manyThreadsBeyondTheContextCapacityAllComplete(Engine engine) throws Exception {
        Path p = dir.resolve("big");
        byte[] data = new byte[1 << 20];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 31 + (i >>> 8));
        }
        Files.write(p, data);
        // 4 entries, 8 threads x 300 requests in flight at once: back-pressure queues, never drops
        try (IoDispatcher d = Dispatchers.open(engine, 4); AsyncFile f = AsyncFile.open(d, p, FileOption.READ)) {
            List<Thread> ts = new ArrayList<>();
            List<String> bad = java.util.Collections.synchronizedList(new ArrayList<>());
            for (int t = 0; t < 8; t++) {
                int seed = t;
                ts.add(Thread.ofPlatform().start(() -> {
                    List<CompletableFuture<Long>> fs = new ArrayList<>();
                    List<MemorySegment> bufs = new ArrayList<>();
                    List<Integer> offs = new ArrayList<>();
                    java.util.Random rnd = new java.util.Random(seed);
                    for (int i = 0; i < 300; i++) {
                        int off = rnd.nextInt(data.length - 512);
                        MemorySegment b = (i & 1) == 0 ? MemorySegment.ofArray(new byte[512]) : Arena.ofAuto().allocate(512);
                        bufs.add(b);
                        offs.add(off);
                        fs.add(f.read(b, off));
                    }
                    for (int i = 0; i < fs.size(); i++) {
                        try {
                            long n = fs.get(i).get(20, TimeUnit.SECONDS);
                            for (int k = 0; k < 512; k++) {
                                if (n != 512 || bufs.get(i).get(ValueLayout.JAVA_BYTE, k) != data[offs.get(i) + k]) {
                                    bad.add("thread " + seed + " op " + i);
                                    break;
                                }
                            }
                        } catch (Exception e) {
                            bad.add(e.toString());
                        }
                    }
                }));
            }
            for (Thread t : ts) {
                t.join();
            }
            assertThat(bad).isEmpty();
        }
    }
}
