package io.aio4j.spi;

import io.aio4j.ContextOptions;
import io.aio4j.Engine;
import java.io.IOException;

/**
 * An engine, found with {@link java.util.ServiceLoader}. The core asks {@link #availability()}
 * (probed once) and then {@link #open} for each context.
 */
public interface EngineProvider {
    /** {@return which engine this is (never AUTO)} */
    Engine engine();

    /** {@return whether the engine works on this machine, probed once and cached} */
    Availability availability();

    /**
     * Opens an engine context of {@code entries} in-flight requests.
     *
     * @param entries 1..32768, already validated; the core never has more in flight than this
     * @param options already validated
     * @return a new engine context; the core closes it
     * @throws IOException when the kernel refuses (the message names the call and the errno)
     * @throws UnsupportedOperationException when a flag cannot work on this engine at all
     */
    EngineContext open(int entries, ContextOptions options) throws IOException;

    /**
     * Lets go of what the engine keeps for reuse after its contexts close (Linux AIO: idle kernel
     * contexts), without blocking the caller: for a program that is done opening contexts. Contexts
     * opened afterwards work as usual, they just find nothing to reuse. The default keeps nothing.
     */
    default void releaseIdle() {
    }
}
