package io.aio4j;

import io.aio4j.spi.CompletionSink;
import io.aio4j.spi.Tags;

/**
 * Turns engine completions into the caller's events: finds the request by its tag's slot,
 * settles it (copies a bounced read back, drops its file reference), fills the next event, makes the
 * request idle and frees its slot. Used by one reaper at a time (under the reap lock).
 */
final class EventFiller implements CompletionSink {
    private final SlotTable slots;
    private final BounceBuffers bounce;
    private IoEvent[] events;
    private int at;
    private int start;

    EventFiller(SlotTable slots, BounceBuffers bounce) {
        this.slots = slots;
        this.bounce = bounce;
    }

    void start(IoEvent[] events, int at) {
        this.events = events;
        this.at = at;
        this.start = at;
    }

    int count() {
        return at - start;
    }

    @Override
    public void complete(long tag, long result, long res2) {
        int slot = Tags.slot(tag);
        IoRequest r = slots.request(slot);
        if (r == null || r.tag != tag) {
            return; // stale: not a request of ours in flight; engines must not deliver these
        }
        long settled = settle(r, result);
        events[at++].set(r.userData(), settled, res2, r);
        r.tag = -1;
        r.owner = null;
        slots.release(slot);
    }

    /**
     * Finishes what a request holds while in flight; idempotent. Copies a bounced read back into
     * the caller's memory on the calling thread.
     *
     * @return {@code result}, or {@code -EFAULT} if a read's data could not be copied back (the
     *     caller's arena was closed, or it is confined to another thread)
     */
    long settle(IoRequest r, long result) {
        long settled = result;
        if (r.bounce != null || r.ioSegments != null) {
            if (result > 0 && r.op().isRead()) {
                settled = bounce.copyBack(r, result);
            }
            bounce.discard(r);
        }
        if (r.fileRef) {
            r.fileRef = false;
            r.file().release();
        }
        return settled;
    }
}
