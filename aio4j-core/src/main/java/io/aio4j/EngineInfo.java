package io.aio4j;

import java.util.List;

/**
 * Which engine a context really uses, and why.
 *
 * @param engine the engine in use, never AUTO
 * @param reason why it was chosen, naming what was passed over and the cause (e.g.
 *     {@code "io_uring unavailable: io_uring_setup: EPERM ..."}), or "requested"
 * @param downgrades options the engine could not honour exactly, each saying what it does
 *     instead; empty when everything asked for is in effect
 */
public record EngineInfo(Engine engine, String reason, List<String> downgrades) {
    /** Copies the list. */
    public EngineInfo {
        downgrades = List.copyOf(downgrades);
    }
}
