package io.aio4j.linux.aio;

import static io.aio4j.linux.aio.AioTestFiles.assumeAio;
import static io.aio4j.linux.aio.AioTestFiles.await;
import static io.aio4j.linux.aio.AioTestFiles.open;
import static io.aio4j.linux.aio.AioTestFiles.patternFile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.aio4j.ContextClosedException;
import io.aio4j.ContextOptions;
import io.aio4j.Engine;
import io.aio4j.Errno;
import io.aio4j.FileOption;
import io.aio4j.IoContext;
import io.aio4j.IoEvent;
import io.aio4j.IoFile;
import io.aio4j.IoRequest;
import io.aio4j.SetupFlag;
import io.aio4j.linux.abi.AioSyscalls;
import io.aio4j.linux.abi.LibC;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Cancel, close with io_destroy's semantics, and io_setup's EAGAIN. */
@Timeout(60)
class LinuxAioLifecycleTest {
    @TempDir
    Path dir;

    /** Dirties {@code bytes} of page cache in a new file, so that its fsync keeps a worker busy a while. */
    private Path dirtyFile(long bytes) throws IOException {
        Path p = dir.resolve("dirty");
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            ByteBuffer b = ByteBuffer.allocate(1 << 20);
            for (long off = 0; off < bytes; off += b.capacity()) {
                b.clear();
                ch.write(b, off);
            }
        }
        return p;
    }

    @Test
    void cancelTakesAQueuedRequestButNotOneTheKernelHas() throws Exception {
        Path data = patternFile(dir, "c", 1 << 20);
        Path dirty = dirtyFile(32 << 20);
        ContextOptions one = ContextOptions.builder().engine(Engine.LINUX_AIO).flag(SetupFlag.SQ_WORKQUEUE).workers(1).build();
        assumeAio();
        try (IoContext ctx = IoContext.open(8, one); Arena arena = Arena.ofShared()) {
            IoFile slow = ctx.openFile(dirty, FileOption.WRITE);
            IoFile buffered = ctx.openFile(data, FileOption.READ, FileOption.WRITE);
            IoFile direct = ctx.openFile(data, FileOption.READ, FileOption.DIRECT);
            IoRequest fsync = new IoRequest().prepFsync(slow).userData(1);
            IoRequest queued = new IoRequest().prepFdatasync(buffered).userData(2);
            IoRequest kernel = new IoRequest().prepRead(direct, arena.allocate(4096, 4096), 0).userData(3);
            assertThat(ctx.submit(fsync, queued, kernel)).isEqualTo(3);
            boolean cancelled = ctx.cancel(queued);
            boolean kernelCancelled = ctx.cancel(kernel);
            IoEvent[] ev = await(ctx, 3);
            assertThat(kernelCancelled).as("io_cancel cannot cancel file I/O").isFalse();
            assumeTrue(cancelled, "the one worker finished a 32 MiB fsync before cancel ran");
            assertThat(LinuxAioEngineTest.results(ev))
                    .containsEntry(1L, 0L).containsEntry(2L, (long) -Errno.ECANCELED).containsEntry(3L, 4096L);
            assertThat(ctx.cancel(queued)).as("an idle request").isFalse();
        }
    }

    @Test
    void closeWaitsForEveryRequestAndDeliversEachCompletion() throws Exception {
        Path data = patternFile(dir, "cl", 4 << 20);
        IoContext ctx = open(64);
        List<IoRequest> reqs = new ArrayList<>();
        try (Arena arena = Arena.ofShared()) {
            IoFile direct = ctx.openFile(data, FileOption.READ, FileOption.DIRECT);
            IoFile buffered = ctx.openFile(data, FileOption.READ, FileOption.WRITE);
            LibC.posixFadvise(buffered.fd(), 0, 0, LibC.POSIX_FADV_DONTNEED);
            for (int i = 0; i < 31; i++) {
                reqs.add(new IoRequest().prepRead(direct, arena.allocate(4096, 4096), i * 65536L).userData(i));
                reqs.add(new IoRequest().prepRead(buffered, arena.allocate(4096), i * 131072L + 4096).userData(100 + i));
            }
            reqs.add(new IoRequest().prepFsync(buffered).userData(200));
            reqs.add(new IoRequest().prepNop().userData(201));
            assertThat(ctx.submit(reqs.toArray(IoRequest[]::new))).isEqualTo(64);
            ctx.close();
            IoEvent[] ev = IoEvent.array(128);
            int got = 0;
            try {
                while (true) {
                    got += ctx.getEvents(0, ev, got, 128 - got, 0);
                }
            } catch (ContextClosedException expected) {
                // every event was taken
            }
            assertThat(got).isEqualTo(64);
            assertThat(ctx.inFlight()).isZero();
            for (int i = 0; i < got; i++) {
                long r = ev[i].result();
                assertThat(r).as("event %s", ev[i]).isIn(0L, 4096L, (long) -Errno.ECANCELED);
            }
            assertThat(reqs).noneMatch(IoRequest::inFlight);
        }
    }

    @Test
    void closeWakesAWaiterThatHasNothingComing() throws Exception {
        IoContext ctx = open(4);
        CompletableFuture<Object> waiter = CompletableFuture.supplyAsync(() -> {
            try {
                return ctx.getEvents(1, IoEvent.array(1), -1, TimeUnit.NANOSECONDS);
            } catch (Throwable e) {
                return e;
            }
        });
        Thread.sleep(50); // let it reach the wait; the test holds either way
        ctx.close();
        assertThat(waiter.get(10, TimeUnit.SECONDS)).isInstanceOf(ContextClosedException.class);
    }

    @Test
    void exhaustedAioMaxNrIsAClearIoSetupError() throws Exception {
        assumeAio();
        KernelContextPool.drain(); // idle kernel contexts kept for reuse would satisfy the open below
        List<Long> held = new ArrayList<>();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment ctxp = arena.allocate(ValueLayout.JAVA_LONG);
            // take all of fs.aio-max-nr for a moment (io_setup counts the nr asked for)
            for (int nr = 32768; nr >= 1 && held.size() < 64; ) {
                ctxp.set(ValueLayout.JAVA_LONG, 0, 0);
                int r = AioSyscalls.ioSetup(nr, ctxp);
                if (r == 0) {
                    held.add(ctxp.get(ValueLayout.JAVA_LONG, 0));
                } else {
                    assertThat(r).isEqualTo(-Errno.EAGAIN);
                    nr /= 2;
                }
            }
            assertThatThrownBy(() -> IoContext.open(8, ContextOptions.of(Engine.LINUX_AIO)))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("io_setup")
                    .hasMessageContaining("EAGAIN");
            try (IoContext auto = IoContext.open(8)) {
                assertThat(auto.engineInfo().engine()).isNotEqualTo(Engine.LINUX_AIO);
                if (auto.engineInfo().engine() != Engine.IO_URING) {
                    assertThat(auto.engineInfo().reason()).contains("io_setup").contains("EAGAIN");
                }
            } catch (IOException e) { // no other engine built in: AUTO says why it gave up
                assertThat(e).hasMessageContaining("io_setup").hasMessageContaining("EAGAIN");
            }
        } finally {
            for (long c : held) {
                AioSyscalls.ioDestroy(c);
            }
        }
    }
}
