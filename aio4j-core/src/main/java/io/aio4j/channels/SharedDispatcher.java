package io.aio4j.channels;

import io.aio4j.ContextOptions;
import io.aio4j.Engine;
import io.aio4j.IoContext;
import io.aio4j.SetupFlag;
import io.aio4j.async.IoDispatcher;
import java.io.IOException;

/**
 * The process-wide dispatcher of channels opened without one (as the JDK's channels share its
 * default thread pool): created on first use, never closed, its completion thread a daemon.
 *
 * <p>System properties, read once: {@code aio4j.channels.engine} (AUTO, IO_URING, LINUX_AIO,
 * PORTABLE; default AUTO), {@code aio4j.channels.entries} (requests in flight; default 1024) and
 * {@code aio4j.channels.flags} (comma-separated {@link SetupFlag}s). Without flags, a portable
 * engine runs in SQ_WORKQUEUE mode, so that a channel call never performs the I/O on the
 * caller's thread (its inline mode would).
 */
public final class SharedDispatcher {
    private static IoDispatcher instance;
    private static IOException failure;

    private SharedDispatcher() {
    }

    /**
     * The shared dispatcher.
     *
     * @throws IOException if its context cannot be opened (then every later call throws the same)
     */
    public static synchronized IoDispatcher get() throws IOException {
        if (instance == null && failure == null) {
            try {
                instance = open(Engine.valueOf(System.getProperty("aio4j.channels.engine", "AUTO")),
                        Integer.getInteger("aio4j.channels.entries", 1024), System.getProperty("aio4j.channels.flags"));
            } catch (IOException e) {
                failure = e;
            } catch (RuntimeException e) {
                failure = new IOException("aio4j shared dispatcher: " + e.getMessage(), e);
            }
        }
        if (failure != null) {
            throw new IOException("aio4j shared dispatcher is unavailable: " + failure.getMessage(), failure);
        }
        return instance;
    }

    /** A dispatcher for channels: {@code flags} null means SQ_WORKQUEUE on the portable engine, none elsewhere. */
    static IoDispatcher open(Engine engine, int entries, String flags) throws IOException {
        ContextOptions.Builder b = ContextOptions.builder().engine(engine);
        if (flags != null) {
            for (String f : flags.split(",")) {
                if (!f.isBlank()) {
                    b.flag(SetupFlag.valueOf(f.trim()));
                }
            }
            return IoDispatcher.open(entries, b.build());
        }
        IoContext probe = IoContext.open(entries, b.build());
        if (probe.engineInfo().engine() != Engine.PORTABLE) {
            return new IoDispatcher(probe);
        }
        probe.close();
        return IoDispatcher.open(entries, b.engine(Engine.PORTABLE).flag(SetupFlag.SQ_WORKQUEUE).build());
    }
}
