package io.aio4j.linux.uring;

import io.aio4j.spi.Tags;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A context's wakeup: sticky, callable from any thread, never touching the context's SQ ring.
 * With a {@link Waker} it posts one CQE tagged {@link #TAG} into the ring, which ends a reaper's
 * io_uring_enter wait at once; wakeups coalesce while that CQE is unconsumed. Without one (no
 * MSG_RING), or if posting fails, it raises a flag the reaper checks between bounded waits.
 */
final class WakeSignal {
    /** The user_data of the wakeup CQE. */
    static final long TAG = Tags.internal(1);

    private final Ring ring;
    private final Waker waker;
    private final AtomicBoolean posted = new AtomicBoolean();
    private volatile boolean flag;
    private boolean stopped;

    WakeSignal(Ring ring, Waker waker) {
        this.ring = ring;
        this.waker = waker;
    }

    /** Whether wakeups end a wait at once (MSG_RING), rather than at the end of a wait slice. */
    boolean prompt() {
        return waker != null;
    }

    /**
     * Wakes the reaper.
     *
     * @param ringLive false while the ring cannot receive messages yet (set up disabled)
     */
    void wake(boolean ringLive) {
        if (waker == null || !ringLive) {
            flag = true;
            return;
        }
        if (!posted.compareAndSet(false, true)) {
            return; // a wake CQE is on its way and not yet consumed
        }
        synchronized (this) {
            if (stopped) {
                return;
            }
            if (waker.post(ring.fd(), TAG) < 0) {
                posted.set(false);
                flag = true;
            }
        }
    }

    /** The reaper consumed the wake CQE. */
    void consumed() {
        posted.set(false);
    }

    /** Takes the fallback flag: true if a wakeup came since the last call. */
    boolean take() {
        if (flag) {
            flag = false;
            return true;
        }
        return false;
    }

    /** No message reaches the ring after this returns (its fd is about to close). */
    synchronized void stop() {
        stopped = true;
    }
}
