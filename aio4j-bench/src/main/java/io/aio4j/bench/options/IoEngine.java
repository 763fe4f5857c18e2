package io.aio4j.bench.options;

import io.aio4j.ContextOptions;
import io.aio4j.Engine;
import io.aio4j.SetupFlag;

/**
 * fio's {@code --ioengine} names and what runs each: io_uring and libaio are the aio4j engines of
 * the same name, threadpool is the portable engine with an SQ workqueue, fio's synchronous psync
 * and sync are the portable engine inline, and jdk is the JDK's AsynchronousFileChannel, for
 * reference.
 */
public enum IoEngine {
    IO_URING("io_uring", Engine.IO_URING),
    LIBAIO("libaio", Engine.LINUX_AIO),
    THREADPOOL("threadpool", Engine.PORTABLE),
    PSYNC("psync", Engine.PORTABLE),
    SYNC("sync", Engine.PORTABLE),
    JDK("jdk", null);

    private final String fioName;
    private final Engine engine;

    IoEngine(String fioName, Engine engine) {
        this.fioName = fioName;
        this.engine = engine;
    }

    /**
     * The engine of a fio name.
     *
     * @throws IllegalArgumentException for a name aio4j does not run
     */
    public static IoEngine of(String fioName) {
        for (IoEngine e : values()) {
            if (e.fioName.equals(fioName)) {
                return e;
            }
        }
        throw new IllegalArgumentException("--ioengine=" + fioName + ": not one of io_uring, libaio, threadpool, jdk, psync, sync");
    }

    /** The name as fio and the command line spell it. */
    public String fioName() {
        return fioName;
    }

    /**
     * Whether fio counts it a synchronous engine (FIO_SYNCIO: psync, sync): each I/O is done when
     * its submit call returns, so fio caps the queue depth at 1 and records no submission latency,
     * its completion latency being the call's.
     */
    public boolean synchronous() {
        return this == PSYNC || this == SYNC;
    }

    /** The aio4j engine behind it, or null for jdk. */
    public Engine engine() {
        return engine;
    }

    /** The context options that run it (not for jdk). */
    public ContextOptions contextOptions() {
        if (engine == null) {
            throw new IllegalStateException("jdk runs AsynchronousFileChannel, not an IoContext");
        }
        return this == THREADPOOL ? ContextOptions.of(engine, SetupFlag.SQ_WORKQUEUE) : ContextOptions.of(engine);
    }
}
