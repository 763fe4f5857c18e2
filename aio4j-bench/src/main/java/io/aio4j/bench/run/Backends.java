package io.aio4j.bench.run;

import io.aio4j.IoContext;
import io.aio4j.bench.options.IoEngine;
import io.aio4j.bench.options.JobSpec;
import io.aio4j.spi.Availability;
import java.io.IOException;

/** Opens the backend a job's --ioengine names, after checking that it can run here. */
public final class Backends {
    private Backends() {
    }

    /**
     * Starts probing the Linux engines on a daemon thread, so that their one-time set-up (the FFM
     * downcall handles, about half a second on a cold JVM, and each engine's probe) overlaps with
     * reading the command line and preparing files rather than preceding the jobs. Idempotent
     * in effect: the probes cache their answers.
     */
    public static void preloadInBackground() {
        Thread.ofPlatform().daemon().name("aio4j-bench-preload").start(() -> {
            IoContext.availability(io.aio4j.Engine.LINUX_AIO);
            IoContext.availability(io.aio4j.Engine.IO_URING);
        });
    }

    /**
     * Whether an engine can run here, and if not why (IoContext.availability's reason).
     * The jdk engine always can.
     */
    public static Availability availability(IoEngine engine) {
        return engine == IoEngine.JDK ? Availability.yes("java.nio.channels.AsynchronousFileChannel")
                : IoContext.availability(engine.engine());
    }

    /**
     * Opens the backend of {@code spec} on its file.
     *
     * @throws EngineNotAvailable if the engine cannot run here, with the reason
     * @throws IOException if the engine or the file cannot be opened
     */
    public static IoBackend open(JobSpec spec) throws IOException {
        IoEngine e = spec.engine();
        Availability a = availability(e);
        if (!a.available()) {
            throw new EngineNotAvailable(e, a.reason());
        }
        boolean write = spec.workload().writes();
        return e == IoEngine.JDK ? JdkBackend.open(spec.file(), write, spec.direct(), spec.iodepth(), spec.blockSize())
                : AioBackend.open(e, spec.file(), write, spec.direct(), spec.iodepth(), spec.blockSize());
    }

    /** An --ioengine that cannot run here; the message names it and says why. */
    public static final class EngineNotAvailable extends IOException {
        private final IoEngine engine;

        EngineNotAvailable(IoEngine engine, String reason) {
            super("ioengine=" + engine.fioName() + " is not available here: " + reason);
            this.engine = engine;
        }

        /** The engine. */
        public IoEngine engine() {
            return engine;
        }
    }
}
