package io.aio4j.jfr;

import jdk.jfr.Category;
import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Enabled;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * A JDK Flight Recorder event for one aio4j operation, from submission by a front end to its
 * completion: engine, op, bytes transferred, result and (JFR's own) duration.
 *
 * <p>Off unless a recording enables {@code io.aio4j.Operation}. Front ends ask
 * {@link OperationEvents#enabled()} (no allocation, and no JFR start-up while no recording ever
 * ran) and only then create an event, call {@link #begin()} at submission and {@link #finish} at
 * completion.
 */
@Name("io.aio4j.Operation")
@Label("aio4j Operation")
@Category({"aio4j", "I/O"})
@Description("One asynchronous file operation through aio4j, from submission to completion")
@StackTrace(false)
@Enabled(false)
public final class IoOperationEvent extends Event {
    /** Never committed; only asked whether the event type is enabled. */
    private static final IoOperationEvent PROBE = new IoOperationEvent();

    @Label("Engine")
    public String engine;

    @Label("Operation")
    public String op;

    @Label("Bytes")
    @DataAmount
    public long bytes;

    @Label("Result")
    @Description("Bytes transferred, 0, or -errno")
    public long result;

    /** Whether a recording has this event enabled; cheap, allocates nothing. */
    public static boolean enabled() {
        return PROBE.isEnabled();
    }

    /**
     * Ends the event and commits it if the recording wants it (threshold, enabled).
     *
     * {@link #op} is set by then.
     *
     * @param engine the engine's name (a constant string)
     * @param result bytes transferred, 0, or -errno
     */
    public void finish(String engine, long result) {
        end();
        if (shouldCommit()) {
            this.engine = engine;
            this.result = result;
            this.bytes = Math.max(0, result);
            commit();
        }
    }
}
