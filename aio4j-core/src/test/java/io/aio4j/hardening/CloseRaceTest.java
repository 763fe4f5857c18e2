package io.aio4j.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import io.aio4j.ContextClosedException;
import io.aio4j.Errno;
import io.aio4j.FileOption;
import io.aio4j.IoContext;
import io.aio4j.IoEvent;
import io.aio4j.IoFile;
import io.aio4j.IoRequest;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #7 item 2: close() runs from another thread while requests are being submitted and
 * reaped. In each of 1,000 rounds per engine, a submitter keeps the context full of reads,
 * writes and NOOPs (and may close the file midway), a reaper reaps, and the test thread closes
 * the context after a random short delay. Every accepted request must yield exactly one event
 * (its result, -ECANCELED or -EBADF); a submit after close throws ContextClosedException; both
 * threads end; and after all rounds the process holds as many descriptors and aio4j threads as
 * before, and about as many memory mappings (rings).
 */
@Timeout(300)
class CloseRaceTest {
    static final int ROUNDS = Integer.getInteger("aio4j.hardening.closeRounds", 1000);

    @TempDir
    Path dir;

    @EngineTest
    void closeRacesSubmitAndReapWithoutLossOrLeak(EngineCase engine) throws Exception {
        engine.assumeAvailable();
        Path p = dir.resolve("pattern");
        Patterns.create(p, 1 << 16);
        SplittableRandom rnd = new SplittableRandom(7);
        round(engine, p, rnd); // warm-up: class loading and lazily opened jars are not leaks
        Leaks before = Leaks.settled();
        long requests = 0;
        for (int i = 0; i < ROUNDS; i++) {
            requests += round(engine, p, rnd);
        }
        Leaks after = Leaks.settled();
        System.out.printf("close races [%s]: %d rounds, %d requests accounted for; before %s, after %s%n",
                engine, ROUNDS, requests, before, after);
        assertThat(after.aio4jThreads()).as("aio4j threads left").isEqualTo(before.aio4jThreads());
        assertThat(after.threads()).as("live threads").isLessThanOrEqualTo(before.threads());
        assertThat(after.fds()).as("open descriptors").isLessThanOrEqualTo(before.fds());
        // the JVM maps and unmaps on its own (heap, code cache, thread stacks): a ring leaked per
        // round would add ~1,000 mappings, far beyond this slack
        assertThat(after.mappings()).as("memory mappings").isLessThanOrEqualTo(before.mappings() + 100);
    }

    /** One round; returns how many requests were accepted (each one accounted for). */
    private static long round(EngineCase engine, Path p, SplittableRandom rnd) throws Exception {
        IoContext ctx = IoContext.open(8, engine.options());
        IoFile f = ctx.openFile(p, FileOption.READ, FileOption.WRITE);
        AtomicLong accepted = new AtomicLong();
        AtomicLong reaped = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        boolean closeFile = rnd.nextBoolean();
        long seed = rnd.nextLong();
        // the buffers outlive the context, so every read can deliver its data (an arena closed
        // under a request would turn its read into -EFAULT, see docs/buffer-lifetimes.md)
        try (Arena arena = Arena.ofShared()) {
            ConcurrentLinkedQueue<IoRequest> idle = new ConcurrentLinkedQueue<>();
            Map<IoRequest, MemorySegment> bufferOf = new IdentityHashMap<>();
            for (int i = 0; i < 16; i++) {
                IoRequest q = new IoRequest();
                bufferOf.put(q, arena.allocate(512, 512));
                idle.add(q);
            }
            Thread submitter = Thread.ofPlatform().name("submitter").start(() -> {
                SplittableRandom r = new SplittableRandom(seed);
                try {
                    for (int n = 0; ; n++) {
                        IoRequest q = idle.poll();
                        if (q == null) {
                            ctx.submit(new IoRequest[0]); // throws once the context is closed
                            Thread.onSpinWait();
                            continue;
                        }
                        MemorySegment b = bufferOf.get(q);
                        switch (r.nextInt(3)) {
                            case 0 -> q.prepRead(f, b, 512L * r.nextInt(128));
                            case 1 -> q.prepWrite(f, b.fill((byte) 0), 1 << 16);
                            default -> q.prepNop();
                        }
                        if (ctx.submit(q) == 1) {
                            accepted.incrementAndGet();
                        } else {
                            idle.add(q);
                        }
                        if (closeFile && n == 20) {
                            f.close();
                        }
                    }
                } catch (ContextClosedException expected) {
                    // the context closed under the submitter: the one allowed way out
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                }
            });
            Thread reaper = Thread.ofPlatform().name("reaper").start(() -> {
                IoEvent[] ev = IoEvent.array(8);
                try {
                    while (true) {
                        int n = ctx.getEvents(1, ev, 0, ev.length, -1);
                        for (int i = 0; i < n; i++) {
                            long res = ev[i].result();
                            if (res < 0 && res != -Errno.ECANCELED && res != -Errno.EBADF) {
                                throw new AssertionError("unexpected result " + ev[i]);
                            }
                            idle.add(ev[i].request());
                        }
                        reaped.addAndGet(n);
                    }
                } catch (ContextClosedException expected) {
                    // nothing left to reap
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                }
            });
            LockSupport.parkNanos(rnd.nextLong(300_000));
            ctx.close();
            submitter.join(TimeUnit.SECONDS.toMillis(20));
            reaper.join(TimeUnit.SECONDS.toMillis(20));
            assertThat(submitter.isAlive()).as("submitter hangs on %s", engine).isFalse();
            assertThat(reaper.isAlive()).as("reaper hangs on %s", engine).isFalse();
        }
        assertThat(failure.get()).isNull();
        assertThat(reaped.get()).as("events for accepted requests").isEqualTo(accepted.get());
        assertThat(ctx.inFlight()).isZero();
        return accepted.get();
    }
}
