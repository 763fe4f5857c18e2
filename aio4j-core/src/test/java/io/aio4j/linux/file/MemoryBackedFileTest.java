package io.aio4j.linux.file;

import static org.assertj.core.api.Assertions.assertThat;

import io.aio4j.ContextOptions;
import io.aio4j.Engine;
import io.aio4j.FileOption;
import io.aio4j.IoContext;
import io.aio4j.IoEvent;
import io.aio4j.IoFile;
import io.aio4j.IoRequest;
import io.aio4j.LinkFlags;
import io.aio4j.linux.abi.LibC;
import io.aio4j.spi.Availability;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Files on tmpfs (/dev/shm): recognised as memory-backed, and their buffered I/O, which the Linux
 * engines run inline on the submitting thread, gives the same results and completions as any
 * other file's: data, vectors, syncs, link chains (which stay in the ring), the caller's own
 * RWF_NOWAIT (the kernel's answer), a reaper blocked on another thread, and the eventfd count.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MemoryBackedFileTest {
    private static final Path SHM = Path.of("/dev/shm");

    @TempDir
    Path disk;

    private Path dir;
    private Arena arena;

    @BeforeEach
    void shmDir() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(SHM) && Files.isWritable(SHM), "no writable /dev/shm here");
        dir = Files.createTempDirectory(SHM, "aio4j-test");
        arena = Arena.ofShared();
    }

    @AfterEach
    void cleanUp() throws IOException {
        if (arena != null) {
            arena.close();
        }
        if (dir != null) {
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static IoContext open(Engine engine, int entries) throws IOException {
        Availability a = IoContext.availability(engine);
        Assumptions.assumeTrue(a.available(), () -> engine + " unavailable: " + a.reason());
        return IoContext.open(entries, ContextOptions.of(engine));
    }

    private static long result(IoContext ctx) throws InterruptedException {
        IoEvent[] ev = IoEvent.array(1);
        assertThat(ctx.getEvents(1, ev, 10, TimeUnit.SECONDS)).isEqualTo(1);
        return ev[0].result();
    }

    @ParameterizedTest
    @EnumSource(value = Engine.class, names = {"IO_URING", "LINUX_AIO"})
    void tmpfsIsMemoryBackedAndExt4IsNot(Engine engine) throws Exception {
        try (IoContext ctx = open(engine, 4)) {
            IoFile shm = ctx.openFile(dir.resolve("a"), FileOption.CREATE, FileOption.WRITE);
            IoFile other = ctx.openFile(disk.resolve("a"), FileOption.CREATE, FileOption.WRITE);
            assertThat(shm.isMemoryBacked()).isTrue();
            boolean diskIsTmpfs = Files.getFileStore(disk).type().equals("tmpfs");
            assertThat(other.isMemoryBacked()).isEqualTo(diskIsTmpfs);
        }
    }

    @Test
    void aDeviceNodeOnDevtmpfsIsNotMemoryBacked() throws Exception {
        // /dev is devtmpfs, which reports tmpfs's magic; I/O on its nodes goes to the device
        Path dev = Path.of("/dev/null");
        Assumptions.assumeTrue(Files.exists(dev), "no /dev/null here");
        LinuxFile f = LinuxFile.open(dev, Set.of(FileOption.READ));
        try {
            assertThat(f.memoryBacked()).isFalse();
        } finally {
            f.close();
        }
        LinuxFile shm = LinuxFile.open(Files.writeString(dir.resolve("regular"), "x"), Set.of(FileOption.READ));
        try {
            assertThat(shm.memoryBacked()).isTrue();
        } finally {
            shm.close();
        }
    }

    @ParameterizedTest
    @EnumSource(value = Engine.class, names = {"IO_URING", "LINUX_AIO"})
    void writesReadsVectorsAndSyncsGiveTheirResults(Engine engine) throws Exception {
        try (IoContext ctx = open(engine, 8)) {
            IoFile f = ctx.openFile(dir.resolve("data"), FileOption.CREATE, FileOption.READ, FileOption.WRITE);
            MemorySegment out = arena.allocate(8192);
            for (int i = 0; i < 8192; i++) {
                out.set(ValueLayout.JAVA_BYTE, i, (byte) (i * 31 + 7));
            }
            IoRequest r = new IoRequest();
            ctx.submit(r.prepWrite(f, out, 0));
            assertThat(result(ctx)).isEqualTo(8192);
            ctx.submit(r.prepFsync(f));
            assertThat(result(ctx)).isZero();
            ctx.submit(r.prepFdatasync(f));
            assertThat(result(ctx)).isZero();

            MemorySegment in = arena.allocate(4096);
            ctx.submit(r.prepRead(f, in, 4096));
            assertThat(result(ctx)).isEqualTo(4096);
            assertThat(in.mismatch(out.asSlice(4096))).isEqualTo(-1);

            MemorySegment[] parts = {arena.allocate(100), arena.allocate(3000)};
            ctx.submit(r.prepReadv(f, parts, 10));
            assertThat(result(ctx)).isEqualTo(3100);
            assertThat(parts[0].mismatch(out.asSlice(10, 100))).isEqualTo(-1);
            assertThat(parts[1].mismatch(out.asSlice(110, 3000))).isEqualTo(-1);

            MemorySegment[] more = {out.asSlice(0, 10), out.asSlice(10, 20)};
            ctx.submit(r.prepWritev(f, more, 8192));
            assertThat(result(ctx)).isEqualTo(30);
            assertThat(f.size()).isEqualTo(8222);

            ctx.submit(r.prepRead(f, in, 8192)); // 30 bytes before EOF
            assertThat(result(ctx)).isEqualTo(30);
            ctx.submit(r.prepRead(f, in, 1 << 20)); // past EOF
            assertThat(result(ctx)).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(value = Engine.class, names = {"IO_URING", "LINUX_AIO"})
    void aLinkChainRunsInOrder(Engine engine) throws Exception {
        try (IoContext ctx = open(engine, 8)) {
            IoFile f = ctx.openFile(dir.resolve("chain"), FileOption.CREATE, FileOption.READ, FileOption.WRITE);
            MemorySegment a = arena.allocate(512).fill((byte) 'a');
            MemorySegment b = arena.allocate(512).fill((byte) 'b');
            MemorySegment in = arena.allocate(512);
            IoRequest w1 = new IoRequest().prepWrite(f, a, 0).linkFlags(LinkFlags.LINK).userData(1);
            IoRequest w2 = new IoRequest().prepWrite(f, b, 0).linkFlags(LinkFlags.LINK).userData(2);
            IoRequest rd = new IoRequest().prepRead(f, in, 0).userData(3);
            assertThat(ctx.submit(w1, w2, rd)).isEqualTo(3);
            IoEvent[] ev = IoEvent.array(3);
            int n = 0;
            while (n < 3) {
                n += ctx.getEvents(3 - n, ev, n, 3 - n, TimeUnit.SECONDS.toNanos(10));
            }
            for (IoEvent e : ev) {
                assertThat(e.result()).as("userData %d", e.userData()).isEqualTo(512);
            }
            assertThat(in.mismatch(b)).isEqualTo(-1); // the read ran after both writes
        }
    }

    @ParameterizedTest
    @EnumSource(value = Engine.class, names = {"IO_URING", "LINUX_AIO"})
    void aReaperBlockedOnAnotherThreadSeesEveryInlineCompletion(Engine engine) throws Exception {
        int rounds = 2_000;
        try (IoContext ctx = open(engine, 4)) {
            IoFile f = ctx.openFile(dir.resolve("wake"), FileOption.CREATE, FileOption.READ, FileOption.WRITE);
            MemorySegment buf = arena.allocate(1024);
            CompletableFuture<Set<Long>> reaper = CompletableFuture.supplyAsync(() -> {
                Set<Long> seen = new HashSet<>();
                IoEvent[] ev = IoEvent.array(4);
                try {
                    while (seen.size() < rounds) {
                        int n = ctx.getEvents(1, ev, 10, TimeUnit.SECONDS);
                        if (n == 0) {
                            break; // lost wakeup: the assertion below names it
                        }
                        for (int i = 0; i < n; i++) {
                            assertThat(ev[i].result()).isEqualTo(1024);
                            seen.add(ev[i].userData());
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return seen;
            });
            for (long i = 0; i < rounds; i++) {
                IoRequest r = new IoRequest().prepWrite(f, buf, (i % 64) * 1024).userData(i);
                while (ctx.submit(r) == 0) {
                    Thread.onSpinWait(); // the context is full until the reaper catches up
                }
                if (i % 16 == 0) {
                    Thread.sleep(0, 50_000); // let the reaper fall asleep now and then
                }
            }
            assertThat(reaper.get(30, TimeUnit.SECONDS)).hasSize(rounds);
        }
    }

    @Test
    void linuxAioEventFdCountsCompletionsMadeBeforeAndAfterItIsAskedFor() throws Exception {
        try (IoContext ctx = open(Engine.LINUX_AIO, 8)) {
            IoFile f = ctx.openFile(dir.resolve("efd"), FileOption.CREATE, FileOption.READ, FileOption.WRITE);
            MemorySegment buf = arena.allocate(64);
            IoRequest[] rs = {new IoRequest(), new IoRequest(), new IoRequest()};
            assertThat(ctx.submit(rs[0].prepWrite(f, buf, 0), rs[1].prepWrite(f, buf, 64))).isEqualTo(2);
            int fd = ctx.eventFd(); // asked for after two inline completions
            assertThat(ctx.submit(rs[2].prepRead(f, buf, 0))).isEqualTo(1);
            MemorySegment count = arena.allocate(ValueLayout.JAVA_LONG);
            assertThat(LibC.read(fd, count, 8)).isEqualTo(8);
            assertThat(count.get(ValueLayout.JAVA_LONG, 0)).isEqualTo(3);
            assertThat(ctx.pollEvents(IoEvent.array(8))).isEqualTo(3);
        }
    }
}
