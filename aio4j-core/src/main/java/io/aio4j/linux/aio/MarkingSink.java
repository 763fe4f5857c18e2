package io.aio4j.linux.aio;

import io.aio4j.spi.CompletionSink;
import io.aio4j.spi.Tags;

/**
 * Passes kernel completions on to the core's sink after marking their slots DONE, so that a DRAIN
 * waiting on a worker sees them finished. Reused for every reap, so it allocates nothing; the
 * reaper (or close) only.
 */
final class MarkingSink implements CompletionSink {
    private final Slots slots;
    private CompletionSink target;

    MarkingSink(Slots slots) {
        this.slots = slots;
    }

    /** This sink, delivering to {@code target}. */
    CompletionSink to(CompletionSink target) {
        this.target = target;
        return this;
    }

    @Override
    public void complete(long tag, long result, long res2) {
        slots.state(Tags.slot(tag), Slots.DONE); // before delivery: the core may reuse the slot at once
        target.complete(tag, result, res2);
    }
}
