package io.aio4j.linux.aio;

import io.aio4j.IoRequest;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;

/**
 * The engine's view of each request slot: the request and its tag, its place in submission
 * order, the next member of its link chain, and its state.
 *
 * <p>The submitter writes a slot's fields, then publishes them with a release store of the state
 * (QUEUED, KERNEL...); a worker reads them after claiming the slot with a CAS on the state. A slot
 * is written again only after its completion was delivered, which is after its last reader is done.
 */
final class Slots {
    /** Not in flight (or refused). */
    static final int FREE = 0;
    /** io_submit accepted it; the kernel will post its event. */
    static final int KERNEL = 1;
    /** Waiting in the workers' queue: the only state cancel can take a request from. */
    static final int QUEUED = 2;
    /** A worker (or the submitter, inline) is running it. */
    static final int RUNNING = 3;
    /** Its completion exists (pushed, or taken from the kernel's ring). */
    static final int DONE = 4;
    /** Cancelled while queued; its -ECANCELED completion exists. */
    static final int CANCELLED = 5;
    /** A member of a link chain after its head, run by the worker that runs the head. */
    static final int CHAINED = 6;

    private static final VarHandle INTS = MethodHandles.arrayElementVarHandle(int[].class);
    private static final VarHandle LONGS = MethodHandles.arrayElementVarHandle(long[].class);

    final IoRequest[] requests;
    final long[] tags;
    /** The next chain member's slot, or -1. */
    final int[] next;
    /** Submission order (the submitter's count), for DRAIN; Long.MAX_VALUE when never used. */
    private final long[] seqs;
    private final int[] states;

    Slots(int entries) {
        requests = new IoRequest[entries];
        tags = new long[entries];
        next = new int[entries];
        seqs = new long[entries];
        states = new int[entries];
        Arrays.fill(seqs, Long.MAX_VALUE);
        Arrays.fill(next, -1);
    }

    int size() {
        return states.length;
    }

    /**
     * Binds a request to its slot, in submission order {@code seq}, as RUNNING until the submitter
     * gives it its real state (so a DRAIN never takes it for finished); the submitter only.
     */
    void bind(int slot, IoRequest r, long seq) {
        requests[slot] = r;
        tags[slot] = r.tag();
        next[slot] = -1;
        // release: a DRAIN scanning from a worker reads the order before the state (see pendingBefore)
        LONGS.setRelease(seqs, slot, seq);
        INTS.setRelease(states, slot, RUNNING);
    }

    long seq(int slot) {
        return (long) LONGS.getAcquire(seqs, slot);
    }

    int state(int slot) {
        return (int) INTS.getVolatile(states, slot);
    }

    /** Sets the state with release ordering, publishing the slot's fields written before. */
    void state(int slot, int state) {
        // release: pairs with the acquire of a worker's CAS, or of state() in cancel and DRAIN
        INTS.setRelease(states, slot, state);
    }

    /** Moves the state from {@code from} to {@code to}; false if it was not {@code from}. */
    boolean cas(int slot, int from, int to) {
        return INTS.compareAndSet(states, slot, from, to);
    }

    /**
     * Whether a request submitted before order {@code seq} has no completion yet. A slot reused by
     * a newer request can only make this answer true wrongly (the caller looks again), never false
     * wrongly: the newer request's order is read first and is not before {@code seq}, and any
     * newer state means the older request finished.
     */
    boolean pendingBefore(long seq) {
        for (int s = 0; s < states.length; s++) {
            if (seq(s) < seq) {
                int st = state(s);
                if (st != FREE && st != DONE && st != CANCELLED) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Drops every request reference (at close). */
    void clear() {
        Arrays.fill(requests, null);
    }
}
