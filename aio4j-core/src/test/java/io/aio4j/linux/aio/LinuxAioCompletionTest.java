package io.aio4j.linux.aio;

import static io.aio4j.linux.aio.AioTestFiles.assertPattern;
import static io.aio4j.linux.aio.AioTestFiles.await;
import static io.aio4j.linux.aio.AioTestFiles.open;
import static io.aio4j.linux.aio.AioTestFiles.patternFile;
import static org.assertj.core.api.Assertions.assertThat;

import io.aio4j.Errno;
import io.aio4j.FileOption;
import io.aio4j.IoContext;
import io.aio4j.IoEvent;
import io.aio4j.IoFile;
import io.aio4j.IoRequest;
import io.aio4j.linux.abi.LibC;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** How completions reach the caller: the user-space ring against io_getevents, the eventfd, many submitters. */
@Timeout(60)
class LinuxAioCompletionTest {
    private static final long SIZE = 1 << 20;

    @TempDir
    Path dir;

    /** Runs rounds of O_DIRECT reads and returns userData -> result, checking the data on the way. */
    private static Map<Long, Long> directRounds(IoContext ctx, Path p, int rounds) throws Exception {
        Map<Long, Long> out = new TreeMap<>();
        try (Arena arena = Arena.ofShared()) {
            IoFile f = ctx.openFile(p, FileOption.READ, FileOption.DIRECT);
            int n = ctx.capacity();
            IoRequest[] reqs = new IoRequest[n];
            MemorySegment[] bufs = new MemorySegment[n];
            for (int i = 0; i < n; i++) {
                reqs[i] = new IoRequest();
                bufs[i] = arena.allocate(4096, 4096);
            }
            for (int round = 0; round < rounds; round++) {
                for (int i = 0; i < n; i++) {
                    long id = (long) round * n + i;
                    reqs[i].prepRead(f, bufs[i], (id * 4096) % (SIZE + 8192)).userData(id); // some past EOF
                }
                assertThat(ctx.submit(reqs)).isEqualTo(n);
                for (IoEvent e : await(ctx, n)) {
                    out.put(e.userData(), e.result());
                    if (e.result() > 0) {
                        assertPattern(bufs[(int) (e.userData() % n)], (e.userData() * 4096) % (SIZE + 8192), e.result());
                    }
                }
            }
            f.close();
        }
        return out;
    }

    @Test
    void userSpaceReapingMatchesIoGetevents() throws Exception {
        Path p = patternFile(dir, "ring", SIZE);
        Map<Long, Long> viaRing;
        Map<Long, Long> viaSyscall;
        try (IoContext ctx = open(16)) {
            assertThat(ctx.engineInfo().downgrades()).noneMatch(d -> d.contains("io_getevents"));
            viaRing = directRounds(ctx, p, 40); // 640 events through a ring of far fewer slots: it wraps
        }
        System.setProperty(LinuxAioProvider.REAPING_PROPERTY, "getevents");
        try (IoContext ctx = open(16)) {
            assertThat(ctx.engineInfo().downgrades()).anyMatch(d -> d.contains("io_getevents (forced)"));
            viaSyscall = directRounds(ctx, p, 40);
        } finally {
            System.clearProperty(LinuxAioProvider.REAPING_PROPERTY);
        }
        assertThat(viaRing).hasSize(640).isEqualTo(viaSyscall);
        assertThat(viaRing.values()).contains(0L, 4096L);
    }

    @Test
    void eventFdCounterEqualsTheNumberOfCompletions() throws Exception {
        Path p = patternFile(dir, "efd", SIZE);
        try (IoContext ctx = open(32); Arena arena = Arena.ofShared()) {
            IoFile direct = ctx.openFile(p, FileOption.READ, FileOption.DIRECT);
            IoFile buffered = ctx.openFile(p, FileOption.READ);
            LibC.posixFadvise(buffered.fd(), 0, 0, LibC.POSIX_FADV_DONTNEED);
            List<IoRequest> reqs = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                reqs.add(new IoRequest().prepRead(direct, arena.allocate(4096, 4096), i * 8192L)); // kernel
                reqs.add(new IoRequest().prepRead(buffered, arena.allocate(4096), i * 65536L)); // inline or worker
                reqs.add(new IoRequest().prepNop()); // user space
            }
            assertThat(ctx.submit(reqs.toArray(IoRequest[]::new))).isEqualTo(30);
            MemorySegment count = arena.allocate(ValueLayout.JAVA_LONG);
            long total = 0;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (total < 30 && System.nanoTime() < deadline) {
                if (LibC.read(ctx.eventFd(), count, 8) == 8) {
                    total += count.get(ValueLayout.JAVA_LONG, 0);
                } else {
                    Thread.sleep(1);
                }
            }
            assertThat(total).isEqualTo(30);
            assertThat(ctx.pollEvents(IoEvent.array(40))).isEqualTo(30);
            assertThat(LibC.read(ctx.eventFd(), count, 8)).isEqualTo(-Errno.EAGAIN); // nothing extra
        }
    }

    @Test
    void eightSubmittingThreadsEachSeeEveryCompletionExactlyOnce() throws Exception {
        Path p = patternFile(dir, "mt", SIZE);
        int threads = 8;
        int perThread = 400;
        try (IoContext ctx = open(64); Arena arena = Arena.ofShared()) {
            IoFile direct = ctx.openFile(p, FileOption.READ, FileOption.DIRECT);
            IoFile buffered = ctx.openFile(p, FileOption.READ);
            Map<Long, AtomicInteger> seen = new ConcurrentHashMap<>();
            AtomicInteger reaped = new AtomicInteger();
            CountDownLatch start = new CountDownLatch(1);
            List<Thread> submitters = new ArrayList<>();
            List<Throwable> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
            for (int t = 0; t < threads; t++) {
                int id = t;
                MemorySegment buf = arena.allocate(4096L * perThread, 4096);
                submitters.add(Thread.ofPlatform().start(() -> {
                    try {
                        start.await();
                        for (int i = 0; i < perThread; i++) {
                            long key = ((long) id << 32) | i;
                            IoRequest r = new IoRequest();
                            MemorySegment b = buf.asSlice(4096L * i, 4096);
                            switch (i % 3) {
                                case 0 -> r.prepRead(direct, b, (i * 4096L) % SIZE);
                                case 1 -> r.prepRead(buffered, b, (i * 4096L) % SIZE);
                                default -> r.prepNop();
                            }
                            r.userData(key);
                            while (ctx.submit(r) == 0) {
                                Thread.onSpinWait(); // back-pressure: the reaper frees room
                            }
                        }
                    } catch (Throwable e) {
                        errors.add(e);
                    }
                }));
            }
            Thread reaper = Thread.ofPlatform().start(() -> {
                IoEvent[] ev = IoEvent.array(64);
                try {
                    while (reaped.get() < threads * perThread) {
                        int n = ctx.getEvents(1, ev, 0, 64, TimeUnit.MILLISECONDS.toNanos(100));
                        for (int i = 0; i < n; i++) {
                            assertThat(ev[i].result()).isIn(0L, 4096L);
                            seen.computeIfAbsent(ev[i].userData(), k -> new AtomicInteger()).incrementAndGet();
                        }
                        reaped.addAndGet(n);
                    }
                } catch (Throwable e) {
                    errors.add(e);
                }
            });
            start.countDown();
            for (Thread t : submitters) {
                t.join();
            }
            reaper.join();
            assertThat(errors).isEmpty();
            assertThat(seen).hasSize(threads * perThread);
            assertThat(seen.values()).allMatch(c -> c.get() == 1);
        }
    }
}
