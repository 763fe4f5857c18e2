package io.aio4j.linux.aio;

import io.aio4j.ContextOptions;
import io.aio4j.Engine;
import io.aio4j.Errno;
import io.aio4j.linux.abi.AioSyscalls;
import io.aio4j.linux.abi.Native;
import io.aio4j.linux.abi.Syscalls;
import io.aio4j.spi.Availability;
import io.aio4j.spi.EngineContext;
import io.aio4j.spi.EngineProvider;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * The Linux native AIO engine ({@link Engine#LINUX_AIO}), found with ServiceLoader. Available
 * where io_setup works: Linux on x86-64 or aarch64 with CONFIG_AIO and no seccomp filter
 * refusing it. A probe that finds fs.aio-max-nr exhausted still counts as available (the limit
 * may free up); each open then reports io_setup's EAGAIN and AUTO falls back.
 */
public final class LinuxAioProvider implements EngineProvider {
    /**
     * System property: {@code getevents} makes new contexts read completions with io_getevents
     * even when the aio_ring header checks out (to compare the two ways, or to rule the ring out).
     */
    public static final String REAPING_PROPERTY = "io.aio4j.linux.aio.reaping";

    private volatile Availability availability;

    /** For ServiceLoader. */
    public LinuxAioProvider() {
    }

    @Override
    public Engine engine() {
        return Engine.LINUX_AIO;
    }

    @Override
    public Availability availability() {
        Availability a = availability;
        if (a == null) {
            a = probe();
            availability = a;
        }
        return a;
    }

    private static Availability probe() {
        if (!Native.IS_LINUX) {
            return Availability.no("Linux AIO needs Linux (os.name=" + System.getProperty("os.name") + ")");
        }
        if (!Syscalls.known()) {
            return Availability.no("Linux AIO syscall numbers are not known for os.arch=" + Native.ARCH);
        }
        try (Arena a = Arena.ofConfined()) {
            MemorySegment ctxp = a.allocate(ValueLayout.JAVA_LONG);
            int r = AioSyscalls.ioSetup(1, ctxp);
            if (r == -Errno.EAGAIN) {
                return Availability.yes("io_setup works, but fs.aio-max-nr is exhausted right now");
            }
            if (r < 0) {
                return Availability.no("io_setup: " + Errno.describe(-r));
            }
            // a fresh context is idle: kept for the next open of one entry rather than destroyed,
            // since io_destroy waits for an RCU grace period (about 30 ms) and the first open of
            // every program waits for this probe
            long ctx = ctxp.get(ValueLayout.JAVA_LONG, 0);
            if (!KernelContextPool.offer(1, ctx)) {
                AioSyscalls.ioDestroy(ctx);
            }
            return Availability.yes("io_setup/io_submit/io_getevents, eventfd, user-space ring reaping");
        } catch (RuntimeException | LinkageError e) {
            return Availability.no("Linux AIO probe failed: " + e);
        }
    }

    /** Destroys the idle kernel contexts kept for reuse, on background threads. */
    @Override
    public void releaseIdle() {
        KernelContextPool.drainInBackground();
    }

    /**
     * Opens a context; see {@link LinuxAioContext}.
     *
     * @throws IOException naming io_setup and the errno (EAGAIN: fs.aio-max-nr is exhausted)
     */
    @Override
    public EngineContext open(int entries, ContextOptions options) throws IOException {
        return LinuxAioContext.open(entries, options, "getevents".equals(System.getProperty(REAPING_PROPERTY)));
    }
}
