package io.aio4j.linux.uring;

import static io.aio4j.linux.uring.UringTestSupport.open;
import static io.aio4j.linux.uring.UringTestSupport.patternFile;
import static io.aio4j.linux.uring.UringTestSupport.reap;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Setup flags through the core: SQ_THREAD, IOPOLL, SINGLE_ISSUER, CQSIZE; and close waking a waiter. */
@Timeout(30)
class UringSetupFlagsTest {
    @TempDir
    Path dir;

    private static long readOnce(IoContext ctx, IoFile f, MemorySegment b, long off) throws InterruptedException {
        assertThat(ctx.submit(new IoRequest().prepRead(f, b, off))).isEqualTo(1);
        return reap(ctx, 1)[0].result();
    }

    @Test
    void sqThreadReadsAndReportsNoDowngrade() throws Exception {
        Path p = patternFile(dir, 1 << 16);
        ContextOptions o = ContextOptions.builder().engine(Engine.IO_URING).flag(SetupFlag.SQ_THREAD).sqThreadIdleMillis(2).build();
        try (IoContext ctx = open(8, o); Arena a = Arena.ofShared()) {
            assertThat(ctx.engineInfo().downgrades()).isEmpty();
            IoFile f = ctx.openFile(p, FileOption.READ);
            MemorySegment b = a.allocate(4096);
            for (int i = 0; i < 3; i++) {
                assertThat(readOnce(ctx, f, b, i * 4096L)).isEqualTo(4096);
                UringTestSupport.assertPattern(b, i * 4096L, 4096);
                Thread.sleep(20); // let the poller go to sleep; the next submit must wake it
            }
        }
    }

    /**
     * The SQPOLL thread commits sq.head only after the CQEs of a batch of cached reads are
     * posted; an emptied context must still take a full batch at once (it used to refuse some
     * or all of it now and then, seen as a flaky conformance case).
     */
    @Test
    void sqThreadTakesAFullBatchRightAfterEveryCompletionIsReaped() throws Exception {
        Path p = patternFile(dir, 1 << 18);
        ContextOptions o = ContextOptions.of(Engine.IO_URING, SetupFlag.SQ_THREAD);
        int depth = 64;
        // busy threads on every core, so the SQPOLL thread is preempted inside its batches
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        List<Thread> spinners = new ArrayList<>();
        for (int i = 0; i < Runtime.getRuntime().availableProcessors(); i++) {
            spinners.add(Thread.ofPlatform().daemon().start(() -> {
                while (!stop.get()) {
                    Thread.onSpinWait();
                }
            }));
        }
        try (IoContext ctx = open(depth, o); Arena a = Arena.ofShared()) {
            IoFile f = ctx.openFile(p, FileOption.READ);
            IoRequest[] rs = new IoRequest[depth];
            for (int i = 0; i < depth; i++) {
                rs[i] = new IoRequest().prepRead(f, a.allocate(512), 512L * i);
            }
            for (int round = 0; round < 1000; round++) {
                for (IoRequest r : rs) {
                    r.prepRead(f, r.buffer(), r.offset());
                }
                assertThat(ctx.submit(rs)).as("round %d", round).isEqualTo(depth);
                for (IoEvent e : reap(ctx, depth)) {
                    assertThat(e.result()).isEqualTo(512);
                }
            }
        } finally {
            stop.set(true);
            for (Thread t : spinners) {
                t.join();
            }
        }
    }

    @Test
    void sqThreadRingHoldsTwoBatches() {
        assertThat(SetupPlan.sqEntries(32, true)).isEqualTo(64);
        assertThat(SetupPlan.sqEntries(32, false)).isEqualTo(32);
        assertThat(SetupPlan.sqEntries(20000, true)).as("io_uring's limit").isEqualTo(SetupPlan.MAX_SQ_ENTRIES);
    }

    @Test
    void iopollNeedsDirectFiles() throws Exception {
        Path p = patternFile(dir, 1 << 16);
        try (IoContext ctx = open(8, ContextOptions.of(Engine.IO_URING, SetupFlag.IOPOLL)); Arena a = Arena.ofShared()) {
            assertThatThrownBy(() -> ctx.openFile(p, FileOption.READ)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("IOPOLL").hasMessageContaining("DIRECT");
            IoFile f = ctx.openFile(p, FileOption.READ, FileOption.DIRECT);
            long r = readOnce(ctx, f, a.allocate(4096, 4096), 0);
            // a device without poll queues (virtio here) refuses polled I/O with EOPNOTSUPP
            assertThat(r).isIn(4096L, (long) -Errno.EOPNOTSUPP);
        }
    }

    @Test
    void singleIssuerOnOneThread() throws Exception {
        Path p = patternFile(dir, 1 << 16);
        try (IoContext ctx = open(8, ContextOptions.of(Engine.IO_URING, SetupFlag.SINGLE_ISSUER)); Arena a = Arena.ofShared()) {
            assertThat(ctx.engineInfo().downgrades()).isEmpty();
            IoFile f = ctx.openFile(p, FileOption.READ);
            MemorySegment b = a.allocate(4096);
            for (int i = 0; i < 4; i++) {
                assertThat(readOnce(ctx, f, b, i * 4096L)).isEqualTo(4096);
            }
            // a poll with no wait still finds completions held back as deferred task work
            assertThat(ctx.submit(new IoRequest().prepRead(f, b, 0))).isEqualTo(1);
            IoEvent[] ev = IoEvent.array(1);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            int n = 0;
            while (n == 0 && System.nanoTime() < deadline) {
                n = ctx.pollEvents(ev);
            }
            assertThat(n).isEqualTo(1);
        }
    }

    @Test
    void singleIssuerRefusesASecondSubmittingThreadLoudly() throws Exception {
        try (IoContext ctx = open(8, ContextOptions.of(Engine.IO_URING, SetupFlag.SINGLE_ISSUER))) {
            assertThat(ctx.submit(new IoRequest().prepNop().userData(1))).isEqualTo(1); // this thread is the issuer
            assertThat(reap(ctx, 1)[0].result()).isZero();
            IoRequest foreign = new IoRequest().prepNop().userData(2);
            assertThat(CompletableFuture.supplyAsync(() -> ctx.submit(foreign)).get(10, TimeUnit.SECONDS)).isEqualTo(1);
            IoEvent e = reap(ctx, 1)[0];
            assertThat(e.userData()).isEqualTo(2);
            assertThat(e.result()).isEqualTo(-Errno.EEXIST);
        }
    }

    @Test
    void singleIssuerClosedFromAnotherThreadDoesNotHang() throws Exception {
        Path fifo = dir.resolve("fifo");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        IoContext ctx = open(8, ContextOptions.of(Engine.IO_URING, SetupFlag.SINGLE_ISSUER));
        try (Arena a = Arena.ofShared()) {
            IoFile f = ctx.openFile(fifo, FileOption.READ, FileOption.WRITE);
            IoRequest parked = new IoRequest().prepRead(f, a.allocate(64), 0).userData(1);
            assertThat(ctx.submit(parked, new IoRequest().prepNop().userData(2))).isEqualTo(2);
            // only the issuer can reach a DEFER_TASKRUN ring's pending work; another thread's close
            // still returns, reporting what it could not collect as cancelled
            CompletableFuture.runAsync(ctx::close).get(20, TimeUnit.SECONDS);
            IoEvent[] ev = IoEvent.array(2);
            assertThat(ctx.getEvents(2, ev, 1, TimeUnit.SECONDS)).isEqualTo(2);
            for (IoEvent e : ev) {
                assertThat(e.result()).isEqualTo(e.userData() == 1 ? -Errno.ECANCELED : 0);
            }
        }
    }

    @Test
    void smallCompletionQueueUnderFullLoad() throws Exception {
        Path p = patternFile(dir, 1 << 16);
        ContextOptions o = ContextOptions.builder().engine(Engine.IO_URING).cqEntries(4).build();
        try (IoContext ctx = open(4, o); Arena a = Arena.ofShared()) {
            IoFile f = ctx.openFile(p, FileOption.READ);
            IoRequest[] rs = new IoRequest[4];
            MemorySegment[] bs = new MemorySegment[4];
            for (int i = 0; i < 4; i++) {
                rs[i] = new IoRequest();
                bs[i] = a.allocate(512);
            }
            for (int round = 0; round < 50; round++) {
                for (int i = 0; i < 4; i++) {
                    rs[i].prepRead(f, bs[i], (round * 4L + i) % 128 * 512).userData(i);
                }
                assertThat(ctx.submit(rs)).isEqualTo(4);
                for (IoEvent e : reap(ctx, 4)) {
                    long off = (round * 4L + e.userData()) % 128 * 512;
                    assertThat(e.result()).isEqualTo(512);
                    UringTestSupport.assertPattern(bs[(int) e.userData()], off, 512);
                }
            }
        }
    }

    @Test
    void closeWakesABlockedGetEvents() throws Exception {
        IoContext ctx = open(8);
        CompletableFuture<Integer> waiter = CompletableFuture.supplyAsync(() -> {
            try {
                return ctx.getEvents(1, IoEvent.array(1), -1, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(50);
        ctx.close();
        assertThatThrownBy(() -> waiter.get(10, TimeUnit.SECONDS)).cause().isInstanceOf(ContextClosedException.class);
    }
}
