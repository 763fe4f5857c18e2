package io.aio4j;

import io.aio4j.spi.EngineContext;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Immutable options of a context: engine, setup flags and sizes. Validated once, by
 * {@link Builder#build()} and against the entry count by {@link IoContext#open(int, ContextOptions)}.
 * Thread-safe (immutable); a {@link Builder} is for one thread.
 */
public final class ContextOptions {
    /** The largest entry count a context takes (io_uring's IORING_MAX_ENTRIES). */
    public static final int MAX_ENTRIES = 32768;
    /** The largest completion-queue size (io_uring's IORING_MAX_CQ_ENTRIES). */
    public static final int MAX_CQ_ENTRIES = 65536;

    private static final ContextOptions DEFAULTS = builder().build();

    private final Engine engine;
    private final Set<SetupFlag> flags;
    private final int cqEntries;
    private final int sqThreadIdleMillis;
    private final int workers;
    private final UnaryOperator<EngineContext> engineDecorator;
    private final boolean callerKeepsArenasOpen;

    private ContextOptions(Builder b) {
        this.engine = b.engine;
        EnumSet<SetupFlag> f = EnumSet.noneOf(SetupFlag.class);
        f.addAll(b.flags);
        this.flags = Collections.unmodifiableSet(f);
        this.cqEntries = b.cqEntries;
        this.sqThreadIdleMillis = b.sqThreadIdleMillis;
        this.workers = b.workers;
        this.engineDecorator = b.engineDecorator;
        this.callerKeepsArenasOpen = b.callerKeepsArenasOpen;
    }

    /** {@return the defaults: AUTO engine, no flags, default sizes} */
    public static ContextOptions defaults() {
        return DEFAULTS;
    }

    /** {@return a builder starting from the defaults} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Options with this engine and these flags, and default sizes.
     *
     * @param engine the engine
     * @param flags the setup flags, none for none
     * @return the options
     * @throws IllegalArgumentException for a null, or flags that cannot go together
     */
    public static ContextOptions of(Engine engine, SetupFlag... flags) {
        return builder().engine(engine).flags(flags).build();
    }

    /** {@return the engine asked for} */
    public Engine engine() {
        return engine;
    }

    /** {@return the setup flags asked for (an unmodifiable set)} */
    public Set<SetupFlag> flags() {
        return flags;
    }

    /**
     * Whether this flag was asked for.
     *
     * @param flag the flag
     * @return true if it is among {@link #flags()}
     */
    public boolean has(SetupFlag flag) {
        return flags.contains(flag);
    }

    /** {@return the completion-queue size asked for, or 0 for the engine's default (2 x entries on io_uring)} */
    public int cqEntries() {
        return cqEntries;
    }

    /** {@return how long an idle SQ_THREAD submitter polls before it parks, in milliseconds} */
    public int sqThreadIdleMillis() {
        return sqThreadIdleMillis;
    }

    /** {@return the SQ_WORKQUEUE worker count asked for, or 0 for min(2 x CPUs, entries)} */
    public int workers() {
        return workers;
    }

    /** {@return what wraps each engine context opened with these options; the identity by default} */
    public UnaryOperator<EngineContext> engineDecorator() {
        return engineDecorator;
    }

    /**
     * Whether the caller promised to keep every arena open until the events of the requests on its
     * memory are reaped, so that native buffers of closeable arenas go to the engine without a copy.
     * False by default; see {@link Builder#callerKeepsArenasOpen(boolean)}.
     *
     * @return the promise asked for
     */
    public boolean callerKeepsArenasOpen() {
        return callerKeepsArenasOpen;
    }

    /** {@return a builder holding these options, to derive others} */
    public Builder toBuilder() {
        return new Builder().engine(engine).flags(flags.toArray(SetupFlag[]::new))
                .cqEntries(cqEntries).sqThreadIdleMillis(sqThreadIdleMillis).workers(workers)
                .engineDecorator(engineDecorator).callerKeepsArenasOpen(callerKeepsArenasOpen);
    }

    /**
     * Checks these options against an entry count.
     *
     * @param entries the entry count of a context
     * @throws IllegalArgumentException naming the value that does not fit
     */
    public void validate(int entries) {
        if (entries <= 0 || entries > MAX_ENTRIES) {
            throw new IllegalArgumentException("entries=" + entries + " is outside 1.." + MAX_ENTRIES);
        }
        if (cqEntries != 0 && cqEntries < entries) {
            throw new IllegalArgumentException("cqEntries=" + cqEntries + " is smaller than entries=" + entries);
        }
    }

    @Override
    public String toString() {
        return "ContextOptions[engine=" + engine + ", flags=" + flags + ", cqEntries=" + cqEntries
                + ", sqThreadIdleMillis=" + sqThreadIdleMillis + ", workers=" + workers
                + (callerKeepsArenasOpen ? ", callerKeepsArenasOpen" : "") + "]";
    }

    /** Builds {@link ContextOptions}; each setter rejects a bad value at once, naming it. */
    public static final class Builder {
        private Engine engine = Engine.AUTO;
        private final EnumSet<SetupFlag> flags = EnumSet.noneOf(SetupFlag.class);
        private int cqEntries;
        private int sqThreadIdleMillis = 1000;
        private int workers;
        private UnaryOperator<EngineContext> engineDecorator = UnaryOperator.identity();
        private boolean callerKeepsArenasOpen;

        private Builder() {
        }

        /**
         * The engine; AUTO by default.
         *
         * @param engine the engine
         * @return this builder
         * @throws IllegalArgumentException if {@code engine} is null
         */
        public Builder engine(Engine engine) {
            if (engine == null) {
                throw new IllegalArgumentException("engine=null");
            }
            this.engine = engine;
            return this;
        }

        /**
         * Replaces the setup flags.
         *
         * @param flags the flags, none for none
         * @return this builder
         * @throws IllegalArgumentException for a null
         */
        public Builder flags(SetupFlag... flags) {
            if (flags == null) {
                throw new IllegalArgumentException("flags=null");
            }
            this.flags.clear();
            for (SetupFlag f : flags) {
                flag(f);
            }
            return this;
        }

        /**
         * Adds one setup flag.
         *
         * @param flag the flag
         * @return this builder
         * @throws IllegalArgumentException for a null
         */
        public Builder flag(SetupFlag flag) {
            if (flag == null) {
                throw new IllegalArgumentException("flag=null");
            }
            flags.add(flag);
            return this;
        }

        /**
         * The completion-queue size (io_uring CQSIZE); 0 for the default. Other engines report a
         * non-zero value as a downgrade where they cannot honour it.
         *
         * @param cqEntries 0, or entries..{@value ContextOptions#MAX_CQ_ENTRIES}
         * @return this builder
         * @throws IllegalArgumentException if outside 0..{@value ContextOptions#MAX_CQ_ENTRIES}
         */
        public Builder cqEntries(int cqEntries) {
            if (cqEntries < 0 || cqEntries > MAX_CQ_ENTRIES) {
                throw new IllegalArgumentException("cqEntries=" + cqEntries + " is outside 0.." + MAX_CQ_ENTRIES);
            }
            this.cqEntries = cqEntries;
            return this;
        }

        /**
         * Idle time of the SQ_THREAD submitter before it parks (io_uring: sq_thread_idle), 1000 by
         * default.
         *
         * @param millis 1..60000 milliseconds
         * @return this builder
         * @throws IllegalArgumentException if outside 1..60000
         */
        public Builder sqThreadIdleMillis(int millis) {
            if (millis < 1 || millis > 60_000) {
                throw new IllegalArgumentException("sqThreadIdleMillis=" + millis + " is outside 1..60000");
            }
            this.sqThreadIdleMillis = millis;
            return this;
        }

        /**
         * The SQ_WORKQUEUE worker count, or 0 for min(2 x CPUs, entries).
         *
         * @param workers 0..1024
         * @return this builder
         * @throws IllegalArgumentException if outside 0..1024
         */
        public Builder workers(int workers) {
            if (workers < 0 || workers > 1024) {
                throw new IllegalArgumentException("workers=" + workers + " is outside 0..1024");
            }
            this.workers = workers;
            return this;
        }

        /**
         * Wraps each engine context opened with these options, after the engine opened it and
         * before the core uses it: the hook for SPI decorators such as
         * {@link io.aio4j.spi.FaultInjectingEngine} (fault injection, tracing). The decorator
         * must return a context that keeps the {@link EngineContext} contract.
         *
         * @param decorator applied to each engine context; {@code UnaryOperator.identity()} for none
         * @return this builder
         * @throws IllegalArgumentException if {@code decorator} is null
         */
        public Builder engineDecorator(UnaryOperator<EngineContext> decorator) {
            if (decorator == null) {
                throw new IllegalArgumentException("engineDecorator=null");
            }
            this.engineDecorator = decorator;
            return this;
        }

        /**
         * Lets native buffers of closeable arenas ({@code Arena.ofShared()}, {@code Arena.ofConfined()})
         * go to the engine without a copy. False by default.
         *
         * <p>By default the core hands an engine, and so the kernel, only memory that cannot be
         * freed while a request is in flight: memory of {@code Arena.global()}, {@code Arena.ofAuto()},
         * plain direct ByteBuffers (the request keeps it reachable), and registered buffers. A
         * buffer of a closeable arena is transferred through a context-owned copy (copied in at
         * submit, back at the read's completion), so closing its arena early can never let the
         * kernel write into freed memory; the read then completes with {@code -EFAULT}. See
         * docs/buffer-lifetimes.md.
         *
         * <p>With {@code true} the caller <b>promises</b> that no arena is closed while a request
         * on its memory is in flight (from submit until its event is reaped). In exchange
         * there is no copy: this is for callers with their own long-lived buffer pools (databases
         * with a shared-arena pool) that need zero copy. Breaking the promise is undefined: the
         * kernel may write into freed memory, and the JVM may crash.
         *
         * @param promise true to skip the copy on the caller's promise
         * @return this builder
         */
        public Builder callerKeepsArenasOpen(boolean promise) {
            this.callerKeepsArenasOpen = promise;
            return this;
        }

        /**
         * The options.
         *
         * @return new immutable options
         * @throws IllegalArgumentException for combinations that make no sense: SQ_THREAD with
         *     SQ_WORKQUEUE (two offload modes at once)
         */
        public ContextOptions build() {
            if (flags.contains(SetupFlag.SQ_THREAD) && flags.contains(SetupFlag.SQ_WORKQUEUE)) {
                throw new IllegalArgumentException("flags=" + flags + ": SQ_THREAD and SQ_WORKQUEUE are alternative offload modes");
            }
            if (flags.contains(SetupFlag.SINGLE_ISSUER) && flags.contains(SetupFlag.SQ_THREAD)) {
                throw new IllegalArgumentException("flags=" + flags + ": SINGLE_ISSUER cannot be combined with SQ_THREAD");
            }
            return new ContextOptions(this);
        }
    }
}
