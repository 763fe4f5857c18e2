package io.aio4j.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.aio4j.ContextOptions;
import io.aio4j.FileOption;
import io.aio4j.IoContext;
import io.aio4j.IoEvent;
import io.aio4j.IoFile;
import io.aio4j.IoRequest;
import io.aio4j.SetupFlag;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * What every group of conformance cases may use: the engine's options, contexts and memory that
 * are released after each test, pattern files, and submit/reap helpers that fail (instead of
 * hanging) when an engine loses a completion. Implemented by {@link EngineConformanceTest}.
 */
public interface ConformanceFixture {
    /** The capacity of {@link #ctx()}. */
    int CAPACITY = 64;
    /** How long a helper waits for completions before it fails the test. */
    long REAP_SECONDS = 20;

    /** The options of the engine under test (the subclass's {@code options()}). */
    ContextOptions suiteOptions();

    /** This test's context of {@link #CAPACITY} entries, opened on first use, closed after the test. */
    IoContext ctx() throws IOException;

    /** A further context with the suite's options plus {@code extraFlags}, closed after the test. */
    IoContext open(int entries, SetupFlag... extraFlags) throws IOException;

    /** This test's temporary directory (on /tmp, ext4 here). */
    Path dir();

    /** A shared arena for this test's native buffers, closed after every context is closed. */
    Arena arena();

    /** A zeroed native buffer of {@code size} bytes. */
    default MemorySegment buffer(long size) {
        return arena().allocate(size, 8);
    }

    /** A pattern file of {@code size} bytes named {@code name} in {@link #dir()}. */
    default Path pattern(String name, long size) throws IOException {
        return PatternFile.create(dir().resolve(name), size);
    }

    /** A pattern file of {@code size} bytes opened with {@code options} on {@link #ctx()}. */
    default IoFile openPattern(long size, FileOption... options) throws IOException {
        return ctx().openFile(pattern("pattern-" + size + ".bin", size), options);
    }

    /** Submits one request (which must be accepted) and reaps its event. */
    default IoEvent run(IoContext c, IoRequest r) throws InterruptedException {
        assertThat(c.submit(r)).as("accepted by submit").isEqualTo(1);
        IoEvent e = reap(c, 1)[0];
        assertThat(e.request()).as("event.request()").isSameAs(r);
        assertThat(r.inFlight()).as("request in flight after its event").isFalse();
        return e;
    }

    /** {@link #run(IoContext, IoRequest)} on {@link #ctx()}, returning the result. */
    default long result(IoRequest r) throws IOException, InterruptedException {
        return run(ctx(), r).result();
    }

    /** Submits all of {@code rs} (which must all be accepted) and reaps their events, in completion order. */
    default IoEvent[] submitAndReap(IoContext c, IoRequest... rs) throws InterruptedException {
        assertThat(c.submit(rs)).as("accepted by submit").isEqualTo(rs.length);
        return reap(c, rs.length);
    }

    /**
     * Reaps exactly {@code n} events, failing after {@link #REAP_SECONDS} if fewer arrive (a lost
     * completion), then checks that nothing more is ready (a duplicate).
     */
    default IoEvent[] reap(IoContext c, int n) throws InterruptedException {
        IoEvent[] events = IoEvent.array(n);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(REAP_SECONDS);
        int got = 0;
        while (got < n) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                fail("reaped " + got + " of " + n + " events in " + REAP_SECONDS + " s (inFlight=" + c.inFlight() + ")");
            }
            got += c.getEvents(1, events, got, n - got, left);
        }
        return events;
    }

    /**
     * {@code events} indexed by their user datum, which must be 0..n-1 with each value exactly
     * once: every request had one event, none had two.
     */
    static IoEvent[] byUserData(int n, IoEvent... events) {
        assertThat(events).as("events").hasSize(n);
        IoEvent[] by = new IoEvent[n];
        for (IoEvent e : events) {
            assertThat(e.userData()).as("user datum of %s", e).isBetween(0L, n - 1L);
            int i = (int) e.userData();
            assertThat(by[i]).as("a second event for request %d", i).isNull();
            by[i] = e;
        }
        return by;
    }

    /** Asserts that nothing is in flight on {@code c} and no event is left to reap. */
    default void assertDrained(IoContext c) {
        assertThat(c.inFlight()).as("inFlight").isZero();
        assertThat(c.pollEvents(IoEvent.array(4))).as("events left after every request was reaped").isZero();
    }
}
