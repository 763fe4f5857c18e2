package io.aio4j;

import java.io.IOException;

/** An engine asked for explicitly cannot be used here; the message says why. */
public class EngineUnavailableException extends IOException {
    /** The engine asked for (part of the serialized form). */
    private final Engine engine;

    /**
     * An exception whose message names the engine and the reason.
     *
     * @param engine the engine asked for
     * @param reason why it cannot be used
     */
    public EngineUnavailableException(Engine engine, String reason) {
        super(engine + " is not available: " + reason);
        this.engine = engine;
    }

    /** {@return the engine that was asked for} */
    public Engine engine() {
        return engine;
    }
}
