package io.aio4j.linux.aio;

import static io.aio4j.linux.aio.AioTestFiles.assertPattern;
import static io.aio4j.linux.aio.AioTestFiles.await;
import static io.aio4j.linux.aio.AioTestFiles.open;
import static io.aio4j.linux.aio.AioTestFiles.patternFile;
import static org.assertj.core.api.Assertions.assertThat;

import io.aio4j.ContextOptions;
import io.aio4j.Engine;
import io.aio4j.FileOption;
import io.aio4j.IoContext;
import io.aio4j.IoEvent;
import io.aio4j.IoFile;
import io.aio4j.IoRequest;
import io.aio4j.spi.Availability;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Closed contexts' kernel AIO contexts are reused by the next open of the same size, and work as new. */
@Timeout(60)
class KernelContextReuseTest {
    @TempDir
    Path dir;

    @BeforeEach
    void linuxAio() {
        Availability a = IoContext.availability(Engine.LINUX_AIO);
        Assumptions.assumeTrue(a.available(), () -> "Linux AIO unavailable: " + a.reason());
        Assumptions.assumeTrue(KernelContextPool.ENABLED, "context reuse turned off (-Dio.aio4j.linux.aio.reuseContexts=false)");
    }

    @Test
    void theNextOpenOfTheSameSizeTakesTheClosedContextsKernelContext() throws Exception {
        ContextOptions o = ContextOptions.of(Engine.LINUX_AIO);
        LinuxAioContext first = LinuxAioContext.open(37, o, false);
        long ctx = first.kernelContext();
        first.close((tag, res, flags) -> { });
        LinuxAioContext second = LinuxAioContext.open(37, o, false);
        LinuxAioContext other = LinuxAioContext.open(38, o, false);
        try {
            assertThat(second.kernelContext()).isEqualTo(ctx);
            assertThat(other.kernelContext()).isNotEqualTo(ctx);
            assertThat(second.ringStatus()).startsWith("user-space ring");
        } finally {
            second.close((tag, res, flags) -> { });
            other.close((tag, res, flags) -> { });
        }
    }

    @Test
    void aReusedContextReadsCorrectlyFromItsRingsOldPosition() throws Exception {
        long size = 1 << 20;
        Path p = patternFile(dir, "reuse", size);
        try (Arena arena = Arena.ofShared()) {
            MemorySegment buf = arena.allocate(4096 * 8, 4096);
            for (int round = 0; round < 5; round++) { // each round a new IoContext, the ring head wherever the last one left it
                try (IoContext ctx = open(8)) {
                    IoFile f = ctx.openFile(p, FileOption.READ, FileOption.DIRECT);
                    for (int batch = 0; batch < 3; batch++) {
                        IoRequest[] rs = new IoRequest[8];
                        for (int i = 0; i < 8; i++) {
                            long off = ((round * 24L + batch * 8L + i) * 4096) % size;
                            rs[i] = new IoRequest().prepRead(f, buf.asSlice(4096L * i, 4096), off).userData(off);
                        }
                        assertThat(ctx.submit(rs)).isEqualTo(8);
                        for (IoEvent e : await(ctx, 8)) {
                            assertThat(e.result()).isEqualTo(4096);
                            int i = indexOf(rs, e.userData());
                            assertPattern(buf.asSlice(4096L * i, 4096), e.userData(), 4096);
                        }
                    }
                }
            }
        }
    }

    @Test
    void releasedIdleContextsLeaveThePoolAndLaterOpensStillWork() throws Exception {
        LinuxAioContext closed = LinuxAioContext.open(41, ContextOptions.of(Engine.LINUX_AIO), false);
        closed.close((tag, res, flags) -> { });
        assertThat(KernelContextPool.size()).as("the closed context's kernel context is kept").isPositive();

        IoContext.releaseIdleResources(); // hands them to background threads, returns at once
        assertThat(KernelContextPool.size()).isZero();

        Path p = patternFile(dir, "after-release", 1 << 16);
        try (Arena arena = Arena.ofShared(); IoContext ctx = open(41)) {
            IoFile f = ctx.openFile(p, FileOption.READ);
            MemorySegment buf = arena.allocate(4096, 4096);
            assertThat(ctx.submit(new IoRequest().prepRead(f, buf, 8192))).isEqualTo(1);
            assertThat(await(ctx, 1)[0].result()).isEqualTo(4096);
            assertPattern(buf, 8192, 4096);
        }
    }

    private static int indexOf(IoRequest[] rs, long userData) {
        for (int i = 0; i < rs.length; i++) {
            if (rs[i].userData() == userData) {
                return i;
            }
        }
        throw new AssertionError("no request with userData " + userData);
    }
}
