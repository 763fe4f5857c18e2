package io.aio4j.bench.run;

import io.aio4j.Engine;
import io.aio4j.IoContext;
import io.aio4j.bench.options.IoEngine;
import io.aio4j.bench.options.JobSpec;
import io.aio4j.spi.Availability;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Opens the backend a job's --ioengine names, after checking that it can run here. */
public final class Backends {
    private Backends() {
    }

    /**
     * Starts probing the Linux engines that {@code fioEngineNames} name (ioengine= values as
     * written) on a daemon thread, so that their one-time set-up (the FFM downcall handle and each
     * engine's probe) overlaps with resolving the jobs and preparing files rather than preceding
     * the jobs. An engine no job uses is not probed: the io_uring probe sets up and maps a ring.
     * Idempotent in effect: the probes cache their answers.
     */
    public static void preloadInBackground(Collection<String> fioEngineNames) {
        List<Engine> probe = new ArrayList<>();
        for (String name : fioEngineNames) {
            try {
                Engine e = IoEngine.of(name).engine();
                if (e != null && e != Engine.PORTABLE && !probe.contains(e)) {
                    probe.add(e);
                }
            } catch (IllegalArgumentException unknown) {
                // resolving the jobs reports it
            }
        }
        if (!probe.isEmpty()) {
            Thread.ofPlatform().daemon().name("aio4j-bench-preload").start(() -> probe.forEach(IoContext::availability));
        }
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
