package io.aio4j.linux.uring;

import io.aio4j.ContextOptions;
import io.aio4j.Engine;
import io.aio4j.Errno;
import io.aio4j.ErrnoException;
import io.aio4j.SetupFlag;
import io.aio4j.linux.abi.IoUringSys;
import io.aio4j.linux.abi.Native;
import io.aio4j.linux.abi.Syscalls;
import io.aio4j.spi.Availability;
import io.aio4j.spi.EngineContext;
import io.aio4j.spi.EngineProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The io_uring engine (Linux 5.11+: it needs FEAT_NODROP and FEAT_EXT_ARG). Availability is
 * probed once per process on a small ring; the reason it gives when io_uring cannot be used names
 * the errno and the likely cause (seccomp, the io_uring_disabled sysctl, the memlock limit).
 */
public final class IoUringProvider implements EngineProvider {
    private static volatile Probe probe;

    /** The outcome of the one probe: capabilities, or why io_uring cannot be used. */
    private record Probe(Capabilities caps, String reason) {
    }

    /** Used by ServiceLoader. */
    public IoUringProvider() {
    }

    @Override
    public Engine engine() {
        return Engine.IO_URING;
    }

    @Override
    public Availability availability() {
        Probe p = probe();
        return p.caps != null ? Availability.yes(p.caps.toString()) : Availability.no(p.reason);
    }

    private static Probe probe() {
        Probe p = probe;
        if (p == null) {
            synchronized (IoUringProvider.class) {
                p = probe;
                if (p == null) {
                    p = runProbe();
                    probe = p;
                }
            }
        }
        return p;
    }

    private static Probe runProbe() {
        if (!Native.IS_LINUX || !Syscalls.known()) {
            return new Probe(null, "io_uring needs Linux on x86-64 or aarch64 (os.name=" + System.getProperty("os.name")
                    + ", os.arch=" + Native.ARCH + ")");
        }
        try {
            Capabilities caps = Capabilities.probe();
            if (!caps.hasFeature(IoUringSys.IORING_FEAT_NODROP) || !caps.hasFeature(IoUringSys.IORING_FEAT_EXT_ARG)) {
                return new Probe(null, "io_uring is too old here (" + caps + "): aio4j needs FEAT_NODROP and FEAT_EXT_ARG "
                        + "(Linux 5.11+)");
            }
            return new Probe(caps, null);
        } catch (ErrnoException e) {
            return new Probe(null, e.getMessage() + explain(e.errno()));
        } catch (IOException | RuntimeException | LinkageError e) {
            return new Probe(null, "io_uring probe failed: " + e);
        }
    }

    private static String explain(int errno) {
        return switch (errno) {
            case Errno.ENOSYS -> " (the kernel has no io_uring, or a seccomp filter blocks it, as Docker's default profile does)";
            case Errno.EPERM, Errno.EACCES -> " (kernel.io_uring_disabled=" + sysctl() + " or a seccomp/LSM policy forbids it)";
            case Errno.ENOMEM -> " (RLIMIT_MEMLOCK too low for the rings: raise ulimit -l)";
            default -> "";
        };
    }

    private static String sysctl() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/io_uring_disabled")).trim();
        } catch (IOException | SecurityException e) {
            return "?";
        }
    }

    @Override
    public EngineContext open(int entries, ContextOptions options) throws IOException {
        Probe p = probe();
        if (p.caps == null) {
            throw new IOException(p.reason);
        }
        return open(entries, options, p.caps);
    }

    /** Opens a context on given capabilities (tests pass reduced ones to exercise emulation). */
    static UringContext open(int entries, ContextOptions options, Capabilities caps) throws IOException {
        SetupPlan.Opened o = SetupPlan.open(entries, options);
        List<String> downgrades = new ArrayList<>(o.downgrades());
        if (options.has(SetupFlag.SQ_WORKQUEUE)) {
            downgrades.add("SQ_WORKQUEUE: io_uring runs its own io-wq workers (and tries cached reads inline); "
                    + "the flag changes nothing here");
        }
        try {
            return new UringContext(entries, o.ring(), caps, downgrades, options.has(SetupFlag.FIXED_BUFFERS),
                    caps.supports(IoUringSys.IORING_OP_MSG_RING) ? Wakers.shared(caps) : null);
        } catch (RuntimeException | Error e) {
            o.ring().close();
            throw e;
        }
    }
}
