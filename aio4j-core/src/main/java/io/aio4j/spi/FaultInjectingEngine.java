package io.aio4j.spi;

import io.aio4j.Errno;
import io.aio4j.FileOption;
import io.aio4j.IoRequest;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

/**
 * An engine decorator that injects faults, to test what callers do with errors the hardware
 * rarely produces: a chosen request fails with {@code -errno} without being performed (EIO), or
 * is performed and reports fewer bytes than asked (a short transfer). Every other request passes
 * to the wrapped engine untouched. Install it on a context with
 * {@code ContextOptions.builder().engineDecorator(FaultInjectingEngine.decorator(plan))}.
 *
 * <p>A shortened request is performed in full by the engine and its reported count cut to
 * {@link Shorten#maxBytes()}: what a caller sees is exactly a short transfer; a write may have
 * stored more than it reports, as a real short write followed by a crash could. A failed request
 * never reaches the engine, so it splits a LINK chain it is part of. Injected failures are not
 * signalled on {@link #eventFd()}.
 *
 * <p>For tests: an injected request costs an allocation and a concurrent-map update. The plan is
 * called on the submitting thread, under the core's submit lock, and must not block.
 */
public final class FaultInjectingEngine implements EngineContext {
    /** What to do with one request. */
    public sealed interface Fault permits Fail, Shorten {
    }

    /**
     * Complete with {@code -errno} without performing the request.
     *
     * @param errno a positive errno, e.g. {@link Errno#EIO}
     */
    public record Fail(int errno) implements Fault {
        /** Checks the errno. */
        public Fail {
            if (errno <= 0 || errno > 4095) {
                throw new IllegalArgumentException("errno=" + errno + " is outside 1..4095");
            }
        }
    }

    /**
     * Perform the request, then report at most {@code maxBytes} transferred.
     *
     * @param maxBytes the largest count reported, {@code >= 0}
     */
    public record Shorten(long maxBytes) implements Fault {
        /** Checks the count. */
        public Shorten {
            if (maxBytes < 0) {
                throw new IllegalArgumentException("maxBytes=" + maxBytes + " is negative");
            }
        }
    }

    /** Chooses the fault of each submitted request. */
    @FunctionalInterface
    public interface Plan {
        /**
         * Chooses the fault of one request.
         *
         * @param request the request being submitted (its tag is assigned)
         * @return the fault to inject, or null to pass the request through
         */
        Fault decide(IoRequest request);
    }

    private final EngineContext delegate;
    private final Plan plan;
    private final ConcurrentLinkedQueue<long[]> failed = new ConcurrentLinkedQueue<>();
    private final ConcurrentHashMap<Long, Long> shortened = new ConcurrentHashMap<>();
    private final AtomicLong injected = new AtomicLong();
    private final ShorteningSink sink = new ShorteningSink();

    /**
     * Wraps an engine context; see the class comment.
     *
     * @param delegate the engine context that performs what is not failed
     * @param plan the fault of each submitted request
     */
    public FaultInjectingEngine(EngineContext delegate, Plan plan) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.plan = Objects.requireNonNull(plan, "plan");
    }

    /**
     * A decorator for {@code ContextOptions.Builder.engineDecorator}.
     *
     * @param plan the fault of each submitted request, shared by every context it wraps
     * @return a function that wraps each engine context with {@code plan}
     */
    public static UnaryOperator<EngineContext> decorator(Plan plan) {
        Objects.requireNonNull(plan, "plan");
        return c -> new FaultInjectingEngine(c, plan);
    }

    /** {@return how many requests were failed so far} */
    public long injected() {
        return injected.get();
    }

    @Override
    public int submit(IoRequest[] requests, int offset, int count) {
        int accepted = 0;
        int runStart = 0;
        boolean failedAny = false;
        for (int i = 0; i < count; i++) {
            IoRequest r = requests[offset + i];
            Fault f = plan.decide(r);
            if (f instanceof Shorten s) {
                shortened.put(r.tag(), s.maxBytes());
            } else if (f instanceof Fail fail) {
                int run = i - runStart;
                int k = run == 0 ? 0 : delegate.submit(requests, offset + runStart, run);
                accepted += k;
                if (k < run) {
                    return forgetFrom(requests, offset, accepted, i + 1, failedAny);
                }
                failed.add(new long[] {r.tag(), -fail.errno()});
                injected.incrementAndGet();
                failedAny = true;
                accepted++;
                runStart = i + 1;
            }
        }
        if (count > runStart) {
            accepted += delegate.submit(requests, offset + runStart, count - runStart);
        }
        return forgetFrom(requests, offset, accepted, count, failedAny);
    }

    /** Drops the shortening marks of requests the engine did not accept, and wakes a reaper for injected failures. */
    private int forgetFrom(IoRequest[] requests, int offset, int accepted, int seen, boolean failedAny) {
        for (int i = accepted; i < seen; i++) {
            shortened.remove(requests[offset + i].tag());
        }
        if (failedAny) {
            delegate.wakeup(); // a reaper waiting in the engine must come back for them
        }
        return accepted;
    }

    @Override
    public int reap(CompletionSink target, int max, int min, long timeoutNanos) {
        int n = drainFailed(target, max);
        sink.target = target;
        if (n > 0) {
            return n + (n < max ? delegate.reap(sink, max - n, 0, 0) : 0);
        }
        return delegate.reap(sink, max, min, timeoutNanos);
    }

    private int drainFailed(CompletionSink target, int max) {
        int n = 0;
        long[] f;
        while (n < max && (f = failed.poll()) != null) {
            target.complete(f[0], f[1], 0);
            n++;
        }
        return n;
    }

    @Override
    public void wakeup() {
        delegate.wakeup();
    }

    @Override
    public int cancel(IoRequest request) {
        for (long[] f : failed) {
            if (f[0] == request.tag()) {
                return -Errno.EALREADY; // it completes with its injected error
            }
        }
        return delegate.cancel(request);
    }

    @Override
    public int registerBuffers(MemorySegment[] buffers) {
        return delegate.registerBuffers(buffers);
    }

    @Override
    public EngineFile openFile(Path path, Set<FileOption> options) throws IOException {
        return delegate.openFile(path, options);
    }

    @Override
    public void close(CompletionSink drain) {
        sink.target = drain;
        delegate.close(sink);
        drainFailed(drain, Integer.MAX_VALUE);
    }

    @Override
    public List<String> downgrades() {
        return delegate.downgrades();
    }

    @Override
    public int eventFd() {
        return delegate.eventFd();
    }

    /** Cuts the counts of shortened requests on their way to the core. Used by one reaper at a time. */
    private final class ShorteningSink implements CompletionSink {
        private CompletionSink target;

        @Override
        public void complete(long tag, long result, long res2) {
            Long cap = shortened.isEmpty() ? null : shortened.remove(tag);
            target.complete(tag, cap != null && result > cap ? cap : result, res2);
        }
    }
}
