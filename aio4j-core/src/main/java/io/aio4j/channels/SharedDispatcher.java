package io.aio4j.channels;

import io.aio4j.ContextOptions;
import io.aio4j.Engine;
import io.aio4j.async.IoDispatcher;
import java.io.IOException;

/**
 * The process-wide dispatcher of channels opened without one (as the JDK's channels share its
 * default thread pool): created on first use, never closed, its completion thread a daemon.
 *
 * <p>System properties, read once: {@code aio4j.channels.engine} (AUTO, IO_URING, LINUX_AIO,
 * PORTABLE; default AUTO) and {@code aio4j.channels.entries} (requests in flight; default 1024).
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
                Engine engine = Engine.valueOf(System.getProperty("aio4j.channels.engine", "AUTO"));
                int entries = Integer.getInteger("aio4j.channels.entries", 1024);
                instance = IoDispatcher.open(entries, ContextOptions.of(engine));
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
}
