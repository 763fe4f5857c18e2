package io.aio4j.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import io.aio4j.FileOption;
import io.aio4j.IoContext;
import io.aio4j.IoEvent;
import io.aio4j.IoFile;
import io.aio4j.IoRequest;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue #7 item 3: no completion is ever lost. A producer thread submits as fast as the context
 * takes requests (NOOPs and tiny pattern reads) while a slower consumer thread reaps in small
 * batches and pauses between them; every request's user datum must come back exactly once. The
 * io_uring cases include a deliberately tiny completion queue (cqEntries = entries).
 *
 * <p>The default run does {@value #CI_REQUESTS} requests per engine; the {@code soak} run does
 * 1,000,000 ({@code ./mvnw -pl aio4j-core test -Dtest=NoLostCompletionsTest -Dsurefire.excludedGroups=}).
 */
class NoLostCompletionsTest {
    static final int CI_REQUESTS = 200_000;
    private static final int ENTRIES = 16;

    @TempDir
    Path dir;

    static List<EngineCase> engines() {
        List<EngineCase> all = new ArrayList<>(EngineCase.all());
        for (EngineCase e : EngineCase.all()) {
            if (e.options().engine() == io.aio4j.Engine.IO_URING) {
                all.add(e.with("-tinyCQ", b -> b.cqEntries(ENTRIES)));
            }
        }
        return all;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    @Timeout(120)
    void everyCompletionArrivesExactlyOnce(EngineCase engine) throws Exception {
        run(engine, CI_REQUESTS);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    @Tag("soak")
    @Timeout(900)
    void aMillionCompletionsArriveExactlyOnce(EngineCase engine) throws Exception {
        run(engine, 1_000_000);
    }

    private void run(EngineCase engine, int total) throws Exception {
        engine.assumeAvailable();
        Path p = dir.resolve("pattern");
        Patterns.create(p, 1 << 16);
        BitSet seen = new BitSet(total);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        try (IoContext ctx = IoContext.open(ENTRIES, engine.options()); Arena arena = Arena.ofShared()) {
            IoFile f = ctx.openFile(p);
            // requests go back to the producer once reaped: at most ENTRIES + a batch exist
            ArrayBlockingQueue<IoRequest> idle = new ArrayBlockingQueue<>(4 * ENTRIES);
            Map<IoRequest, MemorySegment> bufferOf = new IdentityHashMap<>(); // read-only once the producer starts
            for (int i = 0; i < 2 * ENTRIES; i++) {
                IoRequest r = new IoRequest();
                bufferOf.put(r, arena.allocate(64, 8));
                idle.add(r);
            }
            Thread producer = Thread.ofPlatform().name("producer").start(() -> {
                try {
                    for (int i = 0; i < total; i++) {
                        IoRequest r = idle.take();
                        if (i % 8 == 0) {
                            long off = 64L * (i % 1000);
                            r.prepRead(f, bufferOf.get(r), off);
                        } else {
                            r.prepNop();
                        }
                        r.userData(i);
                        while (ctx.submit(r) == 0) {
                            Thread.onSpinWait(); // full: back-pressure, the consumer is slow
                        }
                    }
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                }
            });
            IoEvent[] ev = IoEvent.array(4);
            int got = 0;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(600);
            while (got < total && failure.get() == null && System.nanoTime() < deadline) {
                int n = ctx.getEvents(1, ev, 0, ev.length, TimeUnit.MILLISECONDS.toNanos(100));
                for (int i = 0; i < n; i++) {
                    int id = (int) ev[i].userData();
                    assertThat(seen.get(id)).as("request %d completed twice", id).isFalse();
                    seen.set(id);
                    IoRequest r = ev[i].request();
                    if (r.op().isRead()) {
                        assertThat(ev[i].result()).isEqualTo(64);
                        assertThat(Patterns.mismatch(r.buffer(), r.offset(), 64)).isEqualTo(-1);
                    } else {
                        assertThat(ev[i].result()).isZero();
                    }
                    idle.add(r);
                }
                got += n;
                if ((got & 63) < n) {
                    LockSupport.parkNanos(20_000); // the consumer is the slow side
                }
            }
            producer.join(TimeUnit.SECONDS.toMillis(30));
            assertThat(failure.get()).isNull();
            assertThat(got).as("completions reaped").isEqualTo(total);
            assertThat(seen.cardinality()).isEqualTo(total);
            assertThat(ctx.inFlight()).isZero();
            assertThat(ctx.pollEvents(ev)).as("nothing extra").isZero();
        }
        System.out.printf("no lost completions [%s]: %d submitted, %d reaped exactly once%n", engine, total, seen.cardinality());
    }
}
