package io.aio4j.linux.aio;

import static io.aio4j.linux.aio.AioTestFiles.assertPattern;
import static io.aio4j.linux.aio.AioTestFiles.await;
import static io.aio4j.linux.aio.AioTestFiles.open;
import static io.aio4j.linux.aio.AioTestFiles.patternFile;
import static org.assertj.core.api.Assertions.assertThat;

import io.aio4j.Engine;
import io.aio4j.Errno;
import io.aio4j.FileOption;
import io.aio4j.IoContext;
import io.aio4j.IoEvent;
import io.aio4j.IoFile;
import io.aio4j.IoRequest;
import io.aio4j.RwFlags;
import io.aio4j.linux.abi.LibC;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Each op through the Linux AIO engine on real files: O_DIRECT to the kernel, buffered inline or on workers. */
@Timeout(60)
class LinuxAioEngineTest {
    private static final long SIZE = 1 << 20;

    @TempDir
    Path dir;

    @Test
    void reportsItsEngineAndReadsFromTheUserSpaceRing() throws Exception {
        try (IoContext ctx = open(8)) {
            assertThat(ctx.engineInfo().engine()).isEqualTo(Engine.LINUX_AIO);
            assertThat(ctx.engineInfo().downgrades()).isEmpty();
            assertThat(ctx.eventFd()).isGreaterThanOrEqualTo(0);
        }
    }

    @Test
    void directRandomReadsReturnThePattern() throws Exception {
        Path p = patternFile(dir, "d", SIZE);
        try (IoContext ctx = open(32); Arena arena = Arena.ofShared()) {
            IoFile f = ctx.openFile(p, FileOption.READ, FileOption.DIRECT);
            int n = 32;
            IoRequest[] reqs = new IoRequest[n];
            MemorySegment[] bufs = new MemorySegment[n];
            SplittableRandom rnd = new SplittableRandom(1);
            // several rounds, so the kernel ring (127 slots for 32 entries... or more) wraps
            for (int round = 0; round < 20; round++) {
                for (int i = 0; i < n; i++) {
                    if (bufs[i] == null) {
                        bufs[i] = arena.allocate(4096, 4096);
                        reqs[i] = new IoRequest();
                    }
                    long off = rnd.nextLong(SIZE / 4096) * 4096;
                    reqs[i].prepRead(f, bufs[i], off).userData(i);
                }
                assertThat(ctx.submit(reqs)).isEqualTo(n);
                for (IoEvent e : await(ctx, n)) {
                    assertThat(e.result()).isEqualTo(4096);
                    int i = (int) e.userData();
                    assertPattern(bufs[i], reqs[i].offset(), 4096);
                }
            }
        }
    }

    @Test
    void bufferedReadsColdAndCachedReturnThePattern() throws Exception {
        Path p = patternFile(dir, "b", SIZE);
        try (IoContext ctx = open(16); Arena arena = Arena.ofShared()) {
            IoFile f = ctx.openFile(p, FileOption.READ);
            assertThat(LibC.posixFadvise(f.fd(), 0, 0, LibC.POSIX_FADV_DONTNEED)).isZero();
            for (int pass = 0; pass < 2; pass++) { // cold (punted to workers), then cached (inline)
                IoRequest[] reqs = new IoRequest[16];
                MemorySegment[] bufs = new MemorySegment[16];
                for (int i = 0; i < 16; i++) {
                    bufs[i] = arena.allocate(8192);
                    reqs[i] = new IoRequest().prepRead(f, bufs[i], i * 65536L + 8).userData(i);
                }
                assertThat(ctx.submit(reqs)).isEqualTo(16);
                for (IoEvent e : await(ctx, 16)) {
                    assertThat(e.result()).isEqualTo(8192);
                    assertPattern(bufs[(int) e.userData()], e.userData() * 65536L + 8, 8192);
                }
            }
        }
    }

    @Test
    void readAtEndOfFileIsShortAndPastItIsZero() throws Exception {
        Path p = patternFile(dir, "eof", 10_000);
        try (IoContext ctx = open(4); Arena arena = Arena.ofShared()) {
            IoFile f = ctx.openFile(p, FileOption.READ);
            MemorySegment a = arena.allocate(4096);
            MemorySegment b = arena.allocate(4096);
            ctx.submit(new IoRequest().prepRead(f, a, 8192).userData(1), new IoRequest().prepRead(f, b, 20_000).userData(2));
            Map<Long, Long> res = results(await(ctx, 2));
            assertThat(res).containsEntry(1L, 10_000L - 8192).containsEntry(2L, 0L);
            assertPattern(a, 8192, 10_000 - 8192 - 8);
        }
    }

    @Test
    void writesFsyncAndFdatasyncBufferedAndDirect() throws Exception {
        for (boolean direct : new boolean[] {false, true}) {
            Path p = dir.resolve("w" + direct);
            try (IoContext ctx = open(8); Arena arena = Arena.ofShared()) {
                IoFile f = direct
                        ? ctx.openFile(p, FileOption.READ, FileOption.WRITE, FileOption.CREATE, FileOption.DIRECT)
                        : ctx.openFile(p, FileOption.READ, FileOption.WRITE, FileOption.CREATE);
                MemorySegment src = arena.allocate(8192, 4096);
                for (int i = 0; i < 8192; i += 8) {
                    src.set(ValueLayout.JAVA_LONG, i, 4096L + i);
                }
                IoRequest[] w = {new IoRequest().prepWrite(f, src.asSlice(0, 4096), 4096).userData(1),
                        new IoRequest().prepWrite(f, src.asSlice(4096, 4096), 8192).userData(2)};
                assertThat(ctx.submit(w)).isEqualTo(2);
                assertThat(results(await(ctx, 2))).containsEntry(1L, 4096L).containsEntry(2L, 4096L);
                ctx.submit(new IoRequest().prepFsync(f).userData(3), new IoRequest().prepFdatasync(f).userData(4));
                assertThat(results(await(ctx, 2))).containsEntry(3L, 0L).containsEntry(4L, 0L);
                MemorySegment back = arena.allocate(8192, 4096);
                ctx.submit(new IoRequest().prepRead(f, back, 4096).userData(5));
                assertThat(await(ctx, 1)[0].result()).isEqualTo(8192);
                assertPattern(back, 4096, 8192);
            }
        }
    }

    /** The live Linux AIO worker threads (named aio4j-aio-worker-I). */
    private static java.util.Set<Thread> aioWorkers() {
        return io.aio4j.LiveThreads.named("aio4j-aio-worker-\\d+");
    }

    @Test
    void byDefaultABufferedWriteToADiskFileCompletesDuringSubmitWithoutAWorker() throws Exception {
        Path p = dir.resolve("adaptive");
        java.util.Set<Thread> before = aioWorkers();
        try (IoContext ctx = open(8); Arena arena = Arena.ofShared()) {
            IoFile f = ctx.openFile(p, FileOption.READ, FileOption.WRITE, FileOption.CREATE);
            org.junit.jupiter.api.Assumptions.assumeFalse(f.isMemoryBacked(),
                    "the temp directory is in memory, where every buffered write runs inline: " + dir);
            MemorySegment src = arena.allocate(4096);
            src.fill((byte) 5);
            // the gate starts open: the first write runs on this thread, whatever it then judges
            assertThat(ctx.submit(new IoRequest().prepWrite(f, src, 0).userData(1))).isEqualTo(1);
            IoEvent[] ev = IoEvent.array(1);
            assertThat(ctx.getEvents(0, ev, 0, java.util.concurrent.TimeUnit.SECONDS))
                    .as("completed before submit returned").isEqualTo(1);
            assertThat(ev[0].result()).isEqualTo(4096);
            assertThat(aioWorkers()).as("no worker started").containsExactlyInAnyOrderElementsOf(before);
        }
        assertThat(java.nio.file.Files.readAllBytes(p)).hasSize(4096).containsOnly(5);
    }

    @Test
    void vectoredReadAndWrite() throws Exception {
        Path p = patternFile(dir, "v", SIZE);
        for (boolean direct : new boolean[] {false, true}) {
            try (IoContext ctx = open(4); Arena arena = Arena.ofShared()) {
                IoFile f = direct ? ctx.openFile(p, FileOption.READ, FileOption.WRITE, FileOption.DIRECT)
                        : ctx.openFile(p, FileOption.READ, FileOption.WRITE);
                MemorySegment[] segs = {arena.allocate(4096, 4096), arena.allocate(8192, 4096), arena.allocate(4096, 4096)};
                ctx.submit(new IoRequest().prepReadv(f, segs, 65536));
                assertThat(await(ctx, 1)[0].result()).isEqualTo(16384);
                assertPattern(segs[0], 65536, 4096);
                assertPattern(segs[1], 65536 + 4096, 8192);
                assertPattern(segs[2], 65536 + 12288, 4096);
                // write them back one block further on, then read that back
                ctx.submit(new IoRequest().prepWritev(f, segs, 131072));
                assertThat(await(ctx, 1)[0].result()).isEqualTo(16384);
                MemorySegment back = arena.allocate(16384, 4096);
                ctx.submit(new IoRequest().prepRead(f, back, 131072));
                assertThat(await(ctx, 1)[0].result()).isEqualTo(16384);
                assertPattern(back, 65536, 16384);
            }
        }
    }

    @Test
    void noopAndFallocateCompleteInUserSpace() throws Exception {
        try (IoContext ctx = open(4)) {
            IoFile f = ctx.openFile(dir.resolve("fa"), FileOption.WRITE, FileOption.CREATE);
            ctx.submit(new IoRequest().prepNop().userData(1), new IoRequest().prepFallocate(f, 0, 0, 1 << 16).userData(2));
            assertThat(results(await(ctx, 2))).containsEntry(1L, 0L).containsEntry(2L, 0L);
            assertThat(f.size()).isEqualTo(1 << 16);
        }
    }

    @Test
    void callerNowaitOnAColdBufferedReadAnswersEagainInsteadOfOffloading() throws Exception {
        Path p = patternFile(dir, "nw", SIZE);
        try (IoContext ctx = open(4); Arena arena = Arena.ofShared()) {
            IoFile f = ctx.openFile(p, FileOption.READ);
            LibC.posixFadvise(f.fd(), 0, 0, LibC.POSIX_FADV_DONTNEED);
            ctx.submit(new IoRequest().prepRead(f, arena.allocate(4096), 512 * 1024).rwFlags(RwFlags.RWF_NOWAIT));
            long r = await(ctx, 1)[0].result();
            assertThat(r).isIn(-(long) Errno.EAGAIN, 4096L); // 4096 if readahead already brought it in
        }
    }

    @Test
    void directMisalignmentComesBackInTheEvent() throws Exception {
        Path p = patternFile(dir, "mis", SIZE);
        try (IoContext ctx = open(4); Arena arena = Arena.ofShared()) {
            IoFile f = ctx.openFile(p, FileOption.READ, FileOption.DIRECT);
            ctx.submit(new IoRequest().prepRead(f, arena.allocate(8192, 4096).asSlice(1, 4096), 0));
            assertThat(await(ctx, 1)[0].result()).isEqualTo(-Errno.EINVAL);
        }
    }

    @Test
    void aFailedLinkCancelsTheRestOfItsChainButAHardlinkGoesOn() throws Exception {
        Path p = patternFile(dir, "chain", 8192);
        try (IoContext ctx = open(8); Arena arena = Arena.ofShared()) {
            IoFile f = ctx.openFile(p, FileOption.READ);
            IoRequest shortRead = new IoRequest().prepRead(f, arena.allocate(4096), 6144).userData(1)
                    .linkFlags(io.aio4j.LinkFlags.LINK); // 2048 of 4096 bytes: a failure for LINK
            IoRequest cancelled = new IoRequest().prepRead(f, arena.allocate(4096), 0).userData(2);
            IoRequest hard = new IoRequest().prepRead(f, arena.allocate(4096), 6144).userData(3)
                    .linkFlags(io.aio4j.LinkFlags.HARDLINK);
            IoRequest after = new IoRequest().prepRead(f, arena.allocate(4096), 0).userData(4);
            assertThat(ctx.submit(shortRead, cancelled, hard, after)).isEqualTo(4);
            assertThat(results(await(ctx, 4))).containsEntry(1L, 2048L).containsEntry(2L, (long) -Errno.ECANCELED)
                    .containsEntry(3L, 2048L).containsEntry(4L, 4096L);
        }
    }

    static Map<Long, Long> results(IoEvent[] events) {
        Map<Long, Long> m = new HashMap<>();
        for (IoEvent e : events) {
            m.put(e.userData(), e.result());
        }
        return m;
    }
}
