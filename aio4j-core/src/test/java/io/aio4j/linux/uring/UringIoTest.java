package io.aio4j.linux.uring;

import static io.aio4j.linux.uring.UringTestSupport.assertPattern;
import static io.aio4j.linux.uring.UringTestSupport.open;
import static io.aio4j.linux.uring.UringTestSupport.patternFile;
import static io.aio4j.linux.uring.UringTestSupport.reap;
import static org.assertj.core.api.Assertions.assertThat;

import io.aio4j.ContextOptions;
import io.aio4j.Engine;
import io.aio4j.FileOption;
import io.aio4j.IoContext;
import io.aio4j.IoEvent;
import io.aio4j.IoFile;
import io.aio4j.IoRequest;
import io.aio4j.SetupFlag;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Every core op through the io_uring engine, on real files. */
@Timeout(30)
class UringIoTest {
    @TempDir
    Path dir;

    @Test
    void engineIsIoUring() throws Exception {
        try (IoContext ctx = open(8)) {
            assertThat(ctx.engineInfo().engine()).isEqualTo(Engine.IO_URING);
            assertThat(ctx.engineInfo().downgrades()).isEmpty();
        }
    }

    @Test
    void readsWritesAndNops() throws Exception {
        Path p = patternFile(dir, 1 << 16);
        try (IoContext ctx = open(32); Arena a = Arena.ofShared()) {
            IoFile f = ctx.openFile(p, FileOption.READ);
            IoRequest[] rs = new IoRequest[16];
            MemorySegment[] bufs = new MemorySegment[16];
            for (int i = 0; i < 16; i++) {
                bufs[i] = a.allocate(4096, 4096);
                rs[i] = new IoRequest().prepRead(f, bufs[i], i * 4096L).userData(i);
            }
            assertThat(ctx.submit(rs)).isEqualTo(16);
            for (IoEvent e : reap(ctx, 16)) {
                assertThat(e.result()).isEqualTo(4096);
                assertPattern(bufs[(int) e.userData()], e.userData() * 4096, 4096);
            }
            assertThat(ctx.submit(new IoRequest().prepNop().userData(99))).isEqualTo(1);
            IoEvent e = reap(ctx, 1)[0];
            assertThat(e.userData()).isEqualTo(99);
            assertThat(e.result()).isZero();
            // EOF: a read past the end returns 0, a read across it is short
            assertThat(ctx.submit(new IoRequest().prepRead(f, bufs[0], (1 << 16) - 100))).isEqualTo(1);
            assertThat(reap(ctx, 1)[0].result()).isEqualTo(100);
        }
    }

    @Test
    void writeThenReadBackWithSyncs() throws Exception {
        Path p = dir.resolve("w");
        try (IoContext ctx = open(8); Arena a = Arena.ofShared()) {
            IoFile f = ctx.openFile(p, FileOption.READ, FileOption.WRITE, FileOption.CREATE);
            MemorySegment w = a.allocate(8192);
            for (long o = 0; o < 8192; o += 8) {
                w.set(ValueLayout.JAVA_LONG, o, 4096 + o);
            }
            assertThat(ctx.submit(new IoRequest().prepWrite(f, w, 4096))).isEqualTo(1);
            assertThat(reap(ctx, 1)[0].result()).isEqualTo(8192);
            assertThat(ctx.submit(new IoRequest().prepFsync(f), new IoRequest().prepFdatasync(f))).isEqualTo(2);
            for (IoEvent e : reap(ctx, 2)) {
                assertThat(e.result()).isZero();
            }
            MemorySegment r = a.allocate(8192);
            assertThat(ctx.submit(new IoRequest().prepRead(f, r, 4096))).isEqualTo(1);
            assertThat(reap(ctx, 1)[0].result()).isEqualTo(8192);
            assertPattern(r, 4096, 8192);
            assertThat(Files.size(p)).isEqualTo(4096 + 8192);
        }
    }

    @Test
    void filesUseRegisteredSlotsThatAreReused() throws Exception {
        Path p = patternFile(dir, 8192);
        try (IoContext ctx = open(8); Arena a = Arena.ofShared()) {
            IoFile f1 = ctx.openFile(p, FileOption.READ);
            IoFile f2 = ctx.openFile(p, FileOption.READ);
            int s1 = ((UringFile) f1.handle()).fixedIndex();
            int s2 = ((UringFile) f2.handle()).fixedIndex();
            assertThat(s1).isNotNegative();
            assertThat(s2).isNotNegative().isNotEqualTo(s1);
            f1.close();
            IoFile f3 = ctx.openFile(p, FileOption.READ);
            assertThat(((UringFile) f3.handle()).fixedIndex()).isEqualTo(s1);
            MemorySegment b = a.allocate(4096);
            assertThat(ctx.submit(new IoRequest().prepRead(f3, b, 4096))).isEqualTo(1);
            assertThat(reap(ctx, 1)[0].result()).isEqualTo(4096);
            assertPattern(b, 4096, 4096);
        }
    }

    @Test
    void eventFdIsSignalledOnCompletion() throws Exception {
        try (IoContext ctx = open(8); Arena a = Arena.ofShared()) {
            int efd = ctx.eventFd();
            assertThat(efd).isNotNegative();
            assertThat(ctx.eventFd()).isEqualTo(efd);
            assertThat(ctx.submit(new IoRequest().prepNop())).isEqualTo(1);
            reap(ctx, 1);
            MemorySegment counter = a.allocate(8);
            assertThat(io.aio4j.linux.abi.LibC.read(efd, counter, 8)).isEqualTo(8);
            assertThat(counter.get(ValueLayout.JAVA_LONG, 0)).isPositive();
        }
    }

    @Test
    void vectoredAndHeapBuffers() throws Exception {
        Path p = patternFile(dir, 1 << 16);
        try (IoContext ctx = open(8); Arena a = Arena.ofShared()) {
            IoFile f = ctx.openFile(p, FileOption.READ, FileOption.WRITE);
            MemorySegment[] segs = {a.allocate(512), a.allocate(1024), MemorySegment.ofArray(new byte[2048])};
            assertThat(ctx.submit(new IoRequest().prepReadv(f, segs, 8192))).isEqualTo(1);
            assertThat(reap(ctx, 1)[0].result()).isEqualTo(3584);
            assertPattern(segs[0], 8192, 512);
            assertPattern(segs[1], 8192 + 512, 1024);
            assertPattern(segs[2], 8192 + 1536, 2048);
            // write the same words back at another offset, vectored, then read them as one heap buffer
            assertThat(ctx.submit(new IoRequest().prepWritev(f, segs, 32768))).isEqualTo(1);
            assertThat(reap(ctx, 1)[0].result()).isEqualTo(3584);
            byte[] heap = new byte[3584];
            assertThat(ctx.submit(new IoRequest().prepRead(f, MemorySegment.ofArray(heap), 32768))).isEqualTo(1);
            assertThat(reap(ctx, 1)[0].result()).isEqualTo(3584);
            assertPattern(MemorySegment.ofArray(heap), 8192, 3584);
        }
    }

    @Test
    void fixedBuffersAndFallocate() throws Exception {
        Path p = patternFile(dir, 1 << 16);
        try (IoContext ctx = open(8, ContextOptions.of(Engine.IO_URING, SetupFlag.FIXED_BUFFERS)); Arena a = Arena.ofShared()) {
            IoFile f = ctx.openFile(p, FileOption.READ, FileOption.WRITE);
            MemorySegment reg = a.allocate(1 << 16, 4096);
            ctx.registerBuffers(reg);
            assertThat(ctx.submit(new IoRequest().prepReadFixed(f, reg.asSlice(4096, 4096), 0, 12288))).isEqualTo(1);
            assertThat(reap(ctx, 1)[0].result()).isEqualTo(4096);
            assertPattern(reg.asSlice(4096, 4096), 12288, 4096);
            assertThat(ctx.submit(new IoRequest().prepWriteFixed(f, reg.asSlice(4096, 4096), 0, 1 << 16))).isEqualTo(1);
            assertThat(reap(ctx, 1)[0].result()).isEqualTo(4096);
            assertThat(ctx.submit(new IoRequest().prepFallocate(f, 0, 0, 1 << 20))).isEqualTo(1);
            assertThat(reap(ctx, 1)[0].result()).isZero();
            assertThat(Files.size(p)).isEqualTo(1 << 20);
        }
    }

    @Test
    void directIo() throws Exception {
        Path p = patternFile(dir, 1 << 16);
        try (IoContext ctx = open(8); Arena a = Arena.ofShared()) {
            IoFile f = ctx.openFile(p, FileOption.READ, FileOption.DIRECT);
            MemorySegment b = a.allocate(8192, 4096);
            assertThat(ctx.submit(new IoRequest().prepRead(f, b, 8192))).isEqualTo(1);
            assertThat(reap(ctx, 1)[0].result()).isEqualTo(8192);
            assertPattern(b, 8192, 8192);
            // misaligned offset: the kernel's EINVAL arrives in the event
            assertThat(ctx.submit(new IoRequest().prepRead(f, b, 4096, 100))).isEqualTo(1);
            assertThat(reap(ctx, 1)[0].result()).isEqualTo(-io.aio4j.Errno.EINVAL);
        }
    }
}
