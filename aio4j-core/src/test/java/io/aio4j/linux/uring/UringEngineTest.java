package io.aio4j.linux.uring;

import static io.aio4j.linux.uring.UringTestSupport.assumeUring;
import static org.assertj.core.api.Assertions.assertThat;

import io.aio4j.ContextOptions;
import io.aio4j.Engine;
import io.aio4j.Errno;
import io.aio4j.FileOption;
import io.aio4j.IoRequest;
import io.aio4j.LinkFlags;
import io.aio4j.Op;
import io.aio4j.RequestTags;
import io.aio4j.SetupFlag;
import io.aio4j.linux.abi.IoUringSys;
import io.aio4j.spi.Tags;
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

/** The engine driven directly, as the core drives it: overflow, links, cancel, wakeup, SQPOLL, emulation. */
@Timeout(30)
class UringEngineTest {
    @TempDir
    Path dir;

    private record Done(long tag, long result) {
    }

    private static Capabilities caps() throws Exception {
        assumeUring();
        return Capabilities.probe();
    }

    private static IoRequest nop(int slot) {
        return RequestTags.tagged(new IoRequest().prepNop(), Tags.of(slot, 1));
    }

    /** Submits all, retrying partial acceptance as the core would. */
    private static void submitAll(UringContext ctx, IoRequest... rs) {
        int at = 0;
        while (at < rs.length) {
            at += ctx.submit(rs, at, rs.length - at);
        }
    }

    private static List<Done> reapAll(UringContext ctx, int n) {
        List<Done> done = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (done.size() < n && System.nanoTime() < deadline) {
            ctx.reap((tag, result, res2) -> done.add(new Done(tag, result)), n - done.size(), 1,
                    TimeUnit.MILLISECONDS.toNanos(100));
        }
        assertThat(done).hasSize(n);
        return done;
    }

    @Test
    void overflowLosesNothingAndKeepsOrder() throws Exception {
        Capabilities caps = caps();
        // a CQ of 4 under 64 completions: 60 wait on the kernel's overflow list
        SetupPlan.Opened o = SetupPlan.open(4, ContextOptions.builder().engine(Engine.IO_URING).cqEntries(4).build());
        UringContext ctx = new UringContext(64, o.ring(), caps, new ArrayList<>(), false, null);
        IoRequest[] rs = new IoRequest[64];
        for (int i = 0; i < 64; i++) {
            rs[i] = nop(i);
        }
        submitAll(ctx, rs);
        assertThat(o.ring().sq().loadAcquireFlags() & IoUringSys.IORING_SQ_CQ_OVERFLOW).isNotZero();
        List<Done> done = reapAll(ctx, 64);
        for (int i = 0; i < 64; i++) {
            assertThat(done.get(i)).isEqualTo(new Done(Tags.of(i, 1), 0));
        }
        assertThat(o.ring().cq().overflow()).isZero();
        ctx.close((t, r, r2) -> { });
    }

    @Test
    void shortReadBreaksLinkButNotHardlink() throws Exception {
        Path p = UringTestSupport.patternFile(dir, 4096);
        try (var io = UringTestSupport.open(8); Arena a = Arena.ofShared()) {
            var f = io.openFile(p, FileOption.READ);
            MemorySegment b = a.allocate(4096);
            for (int flag : new int[] {LinkFlags.LINK, LinkFlags.HARDLINK}) {
                IoRequest shortRead = new IoRequest().prepRead(f, b, 4096, 2048).linkFlags(flag).userData(1);
                IoRequest next = new IoRequest().prepNop().userData(2);
                assertThat(io.submit(shortRead, next)).isEqualTo(2);
                var ev = UringTestSupport.reap(io, 2);
                long nextResult = ev[0].userData() == 2 ? ev[0].result() : ev[1].result();
                long readResult = ev[0].userData() == 1 ? ev[0].result() : ev[1].result();
                assertThat(readResult).isEqualTo(2048);
                assertThat(nextResult).as("flag %d", flag).isEqualTo(flag == LinkFlags.LINK ? -Errno.ECANCELED : 0);
            }
        }
    }

    @Test
    void cancelQueuedGivesEcanceledAndFinishedGivesEnoent() throws Exception {
        Capabilities caps = caps();
        org.junit.jupiter.api.Assumptions.assumeTrue(caps.syncCancel(), "IORING_REGISTER_SYNC_CANCEL needs 6.0");
        Path fifo = dir.resolve("fifo");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertThat(mk.waitFor()).isZero();
        try (var io = UringTestSupport.open(8); Arena a = Arena.ofShared()) {
            var f = io.openFile(fifo, FileOption.READ, FileOption.WRITE); // O_RDWR: open does not wait for a writer
            IoRequest read = new IoRequest().prepRead(f, a.allocate(64), 0).userData(7);
            assertThat(io.submit(read)).isEqualTo(1);
            assertThat(io.cancel(read)).isTrue(); // an empty pipe: the read is parked in the kernel
            var ev = UringTestSupport.reap(io, 1)[0];
            assertThat(ev.userData()).isEqualTo(7);
            assertThat(ev.result()).isEqualTo(-Errno.ECANCELED);
        }
        UringContext ctx = IoUringProvider.open(8, ContextOptions.of(Engine.IO_URING), caps);
        IoRequest n = nop(3);
        submitAll(ctx, n);
        reapAll(ctx, 1);
        assertThat(ctx.cancel(n)).isEqualTo(-Errno.ENOENT);
        ctx.close((t, r, r2) -> { });
    }

    @Test
    void wakeupEndsAnUnboundedWaitAndIsSticky() throws Exception {
        Capabilities caps = caps();
        UringContext ctx = IoUringProvider.open(8, ContextOptions.of(Engine.IO_URING), caps);
        // sticky: a wakeup with nobody waiting makes the next unbounded wait return
        ctx.wakeup();
        assertThat(ctx.reap((t, r, r2) -> { }, 1, 1, -1)).isZero();
        // a waiter with no time limit returns when another thread wakes it
        CompletableFuture<Integer> waiter = CompletableFuture.supplyAsync(() -> ctx.reap((t, r, r2) -> { }, 1, 1, -1));
        Thread.sleep(50);
        ctx.wakeup();
        assertThat(waiter.get(10, TimeUnit.SECONDS)).isZero();
        ctx.close((t, r, r2) -> { });
    }

    @Test
    void sqpollThreadSleepsAndIsWoken() throws Exception {
        Capabilities caps = caps();
        ContextOptions o = ContextOptions.builder().engine(Engine.IO_URING).flag(SetupFlag.SQ_THREAD).sqThreadIdleMillis(5).build();
        UringContext ctx = IoUringProvider.open(8, o, caps);
        for (int round = 0; round < 2; round++) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!ctx.sqThreadSleeping() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(ctx.sqThreadSleeping()).as("SQ thread asleep after its idle time").isTrue();
            submitAll(ctx, nop(round)); // must wake it: otherwise the NOP is never consumed
            assertThat(reapAll(ctx, 1).get(0)).isEqualTo(new Done(Tags.of(round, 1), 0));
        }
        ctx.close((t, r, r2) -> { });
    }

    @Test
    void missingOpIsEmulatedAndReported() throws Exception {
        Capabilities caps = caps().without(IoUringSys.IORING_OP_NOP);
        UringContext ctx = IoUringProvider.open(8, ContextOptions.of(Engine.IO_URING), caps);
        assertThat(ctx.downgrades()).anySatisfy(d -> assertThat(d).startsWith(Op.NOOP + ": ").contains("emulated"));
        submitAll(ctx, nop(1), nop(2));
        assertThat(reapAll(ctx, 2)).containsExactly(new Done(Tags.of(1, 1), 0), new Done(Tags.of(2, 1), 0));
        ctx.close((t, r, r2) -> { });
    }

    @Test
    void closeCancelsAParkedReadAndDeliversIt() throws Exception {
        Capabilities caps = caps();
        Path fifo = dir.resolve("fifo");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        try (var io = UringTestSupport.open(8); Arena a = Arena.ofShared()) {
            var f = io.openFile(fifo, FileOption.READ, FileOption.WRITE);
            UringContext ctx = IoUringProvider.open(8, ContextOptions.of(Engine.IO_URING), caps);
            IoRequest read = RequestTags.tagged(new IoRequest().prepRead(f, a.allocate(64), 0), Tags.of(5, 1));
            submitAll(ctx, read, nop(6));
            List<Done> drained = new ArrayList<>();
            ctx.close((t, r, r2) -> drained.add(new Done(t, r)));
            assertThat(drained).containsExactlyInAnyOrder(new Done(Tags.of(5, 1), -Errno.ECANCELED), new Done(Tags.of(6, 1), 0));
        }
    }

    @Test
    void closeDrainsEverythingInFlight() throws Exception {
        Capabilities caps = caps();
        UringContext ctx = IoUringProvider.open(8, ContextOptions.of(Engine.IO_URING), caps);
        submitAll(ctx, nop(0), nop(1), nop(2));
        List<Long> drained = new ArrayList<>();
        ctx.close((t, r, r2) -> drained.add(t));
        assertThat(drained).containsExactlyInAnyOrder(Tags.of(0, 1), Tags.of(1, 1), Tags.of(2, 1));
    }
}
