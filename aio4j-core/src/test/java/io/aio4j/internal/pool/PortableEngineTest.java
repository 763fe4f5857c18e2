package io.aio4j.internal.pool;

import static org.assertj.core.api.Assertions.assertThat;

import io.aio4j.ContextOptions;
import io.aio4j.Engine;
import io.aio4j.Errno;
import io.aio4j.FileOption;
import io.aio4j.IoContext;
import io.aio4j.IoEvent;
import io.aio4j.IoFile;
import io.aio4j.IoRequest;
import io.aio4j.LinkFlags;
import io.aio4j.SetupFlag;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Portable-engine specifics: its three modes, the NOWAIT inline try, DRAIN on the workqueue, cancel of queued work. */
@Timeout(60)
class PortableEngineTest {
    @TempDir
    Path dir;

    static ContextOptions options(PortableContext.Mode mode) {
        return switch (mode) {
            case INLINE -> ContextOptions.of(Engine.PORTABLE);
            case SQ_THREAD -> ContextOptions.of(Engine.PORTABLE, SetupFlag.SQ_THREAD);
            case SQ_WORKQUEUE -> ContextOptions.of(Engine.PORTABLE, SetupFlag.SQ_WORKQUEUE);
        };
    }

    @ParameterizedTest
    @EnumSource(PortableContext.Mode.class)
    void writesThenReadsBackInEveryMode(PortableContext.Mode mode) throws Exception {
        Path p = dir.resolve("f");
        try (IoContext ctx = IoContext.open(8, options(mode)); Arena arena = Arena.ofConfined()) {
            assertThat(ctx.engineInfo().engine()).isEqualTo(Engine.PORTABLE);
            IoFile f = ctx.openFile(p, FileOption.READ, FileOption.WRITE, FileOption.CREATE);
            MemorySegment out = arena.allocate(4096);
            for (int i = 0; i < 512; i++) {
                out.setAtIndex(ValueLayout.JAVA_LONG, i, 4096L * 3 + i * 8L);
            }
            IoRequest w = new IoRequest().prepWrite(f, out, 4096L * 3).userData(7);
            assertThat(ctx.submit(w)).isEqualTo(1);
            IoEvent[] ev = IoEvent.array(4);
            assertThat(ctx.getEvents(1, ev, 5, TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(ev[0].result()).isEqualTo(4096);
            assertThat(ev[0].userData()).isEqualTo(7);
            MemorySegment in = arena.allocate(8192);
            IoRequest r = new IoRequest().prepRead(f, in, 4096L * 3);
            ctx.submit(r);
            assertThat(ctx.getEvents(1, ev, 5, TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(ev[0].result()).as("short read at EOF").isEqualTo(4096);
            assertThat(in.asSlice(0, 4096).mismatch(out)).isEqualTo(-1);
        }
    }

    /** The live portable workqueue workers (named aio4j-portable-N-worker-I). */
    private static java.util.Set<Thread> workqueueWorkers() {
        return io.aio4j.LiveThreads.named("aio4j-portable-\\d+-worker-\\d+");
    }

    @Test
    void workqueueStartsItsWorkersWithTheFirstPuntAndJoinsThemOnClose() throws Exception {
        Path p = dir.resolve("cached");
        Files.write(p, new byte[8192]);
        java.util.Set<Thread> before = workqueueWorkers();
        java.util.Set<Thread> ours;
        try (IoContext ctx = IoContext.open(4, options(PortableContext.Mode.SQ_WORKQUEUE)); Arena arena = Arena.ofConfined()) {
            IoFile f = ctx.openFile(p, FileOption.READ, FileOption.WRITE);
            MemorySegment buf = arena.allocate(4096);
            IoEvent[] ev = IoEvent.array(1);
            for (int i = 0; i < 3; i++) {
                ctx.submit(new IoRequest().prepRead(f, buf, 0));
                assertThat(ctx.getEvents(1, ev, 5, TimeUnit.SECONDS)).isEqualTo(1);
                assertThat(ev[0].result()).isEqualTo(4096);
            }
            boolean inlineReads = ctx.engineInfo().downgrades().stream().noneMatch(d -> d.contains("no RWF_NOWAIT"));
            if (inlineReads) {
                assertThat(workqueueWorkers()).as("cached reads completed inline: no worker started")
                        .containsExactlyInAnyOrderElementsOf(before);
            }
            ctx.submit(new IoRequest().prepWrite(f, buf, 4096)); // writes always go to a worker
            assertThat(ctx.getEvents(1, ev, 5, TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(ev[0].result()).isEqualTo(4096);
            ours = new java.util.HashSet<>(workqueueWorkers());
            ours.removeAll(before);
            assertThat(ours).hasSize(Math.min(2 * Runtime.getRuntime().availableProcessors(), 4));
        }
        assertThat(ours).as("close joined them").noneMatch(Thread::isAlive);
    }

    @Test
    void workqueueReadsCachedDataInlineAndColdDataOnWorkers() throws Exception {
        Path p = dir.resolve("cached");
        Files.write(p, new byte[1 << 20]);
        try (IoContext ctx = IoContext.open(4, options(PortableContext.Mode.SQ_WORKQUEUE)); Arena arena = Arena.ofConfined()) {
            IoFile f = ctx.openFile(p);
            MemorySegment buf = arena.allocate(1 << 20);
            IoRequest r = new IoRequest().prepRead(f, buf, 0);
            ctx.submit(r);
            IoEvent[] ev = IoEvent.array(1);
            assertThat(ctx.getEvents(1, ev, 5, TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(ev[0].result()).isEqualTo(1 << 20);
        }
    }

    @Test
    void drainWaitsForEarlierWritesOnTheWorkqueue() throws Exception {
        Path p = dir.resolve("drain");
        try (IoContext ctx = IoContext.open(64, options(PortableContext.Mode.SQ_WORKQUEUE)); Arena arena = Arena.ofConfined()) {
            IoFile f = ctx.openFile(p, FileOption.READ, FileOption.WRITE, FileOption.CREATE);
            IoRequest[] reqs = new IoRequest[33];
            for (int i = 0; i < 32; i++) {
                MemorySegment b = arena.allocate(4096);
                b.fill((byte) (i + 1));
                reqs[i] = new IoRequest().prepWrite(f, b, i * 4096L).userData(i);
            }
            MemorySegment all = arena.allocate(32 * 4096);
            reqs[32] = new IoRequest().prepRead(f, all, 0).linkFlags(LinkFlags.DRAIN).userData(99);
            assertThat(ctx.submit(reqs)).isEqualTo(33);
            IoEvent[] ev = IoEvent.array(33);
            int n = 0;
            while (n < 33) {
                n += ctx.getEvents(1, ev, n, 33 - n, TimeUnit.SECONDS.toNanos(5));
            }
            for (IoEvent e : ev) {
                assertThat(e.result()).as("event %s", e).isEqualTo(e.userData() == 99 ? 32 * 4096 : 4096);
            }
            for (int i = 0; i < 32; i++) {
                assertThat(all.get(ValueLayout.JAVA_BYTE, i * 4096L)).isEqualTo((byte) (i + 1));
            }
        }
    }

    @Test
    void inlineModeCannotCancelWhatItAlreadyDid() throws Exception {
        try (IoContext ctx = IoContext.open(4, options(PortableContext.Mode.INLINE))) {
            IoRequest r = new IoRequest().prepNop();
            ctx.submit(r);
            assertThat(ctx.cancel(r)).isFalse();
            IoEvent[] ev = IoEvent.array(1);
            assertThat(ctx.getEvents(1, ev, 5, TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(ev[0].result()).isZero();
        }
    }

    @Test
    void negativeOffsetIsAnEinvalEvent() throws Exception {
        Path p = dir.resolve("neg");
        Files.write(p, new byte[16]);
        try (IoContext ctx = IoContext.open(4, options(PortableContext.Mode.SQ_THREAD)); Arena arena = Arena.ofConfined()) {
            IoFile f = ctx.openFile(p);
            IoRequest r = new IoRequest().prepRead(f, arena.allocate(16), -1);
            assertThat(ctx.submit(r)).isEqualTo(1);
            IoEvent[] ev = IoEvent.array(1);
            assertThat(ctx.getEvents(1, ev, 5, TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(ev[0].result()).isEqualTo(-Errno.EINVAL);
        }
    }
}
