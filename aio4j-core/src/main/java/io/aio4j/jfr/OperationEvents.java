package io.aio4j.jfr;

import jdk.jfr.FlightRecorder;

/**
 * The gate front ends ask before recording an {@link IoOperationEvent}. Until JFR itself is
 * initialized (a recording was started, by flag, jcmd or API) it reads one volatile boolean and
 * does not touch the event class, whose first instance would otherwise initialize JFR's
 * machinery (about a second of start-up, measured here) in every program.
 */
public final class OperationEvents {
    private OperationEvents() {
    }

    /** Whether a recording wants operation events now; allocates nothing. */
    public static boolean enabled() {
        return FlightRecorder.isInitialized() && IoOperationEvent.enabled();
    }
}
