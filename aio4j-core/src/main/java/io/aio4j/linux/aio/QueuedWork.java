package io.aio4j.linux.aio;

import io.aio4j.Errno;
import io.aio4j.IoRequest;
import io.aio4j.LinkFlags;
import io.aio4j.linux.file.SyncIo;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

/**
 * What a worker does with a queued slot: claims it (QUEUED to RUNNING, so a cancelled or stale
 * queue entry runs nothing), runs it with blocking calls, and then the rest of its link chain.
 *
 * <p>Link chains and DRAIN, which Linux AIO lacks, are emulated here. A chain (requests flagged
 * {@link LinkFlags#LINK} or {@link LinkFlags#HARDLINK} and the one after each, within one submit
 * call) runs in order on one worker; after a LINK member fails, a short transfer included, the
 * rest complete with -ECANCELED. A {@link LinkFlags#DRAIN} request first waits until every request
 * submitted before it has a completion (kernel ones count once the reaper has taken their events,
 * so a DRAIN behind kernel I/O progresses as the caller reaps), or until the context closes, which
 * cancels it.
 */
final class QueuedWork implements IntConsumer {
    private static final long DRAIN_POLL_NANOS = 100_000;

    private final Slots slots;
    private final SlotMemory memory;
    private final UserCompletions completions;
    private final CompletionEventFd eventFd;
    private final BooleanSupplier closing;

    QueuedWork(Slots slots, SlotMemory memory, UserCompletions completions, CompletionEventFd eventFd,
            BooleanSupplier closing) {
        this.slots = slots;
        this.memory = memory;
        this.completions = completions;
        this.eventFd = eventFd;
        this.closing = closing;
    }

    @Override
    public void accept(int slot) {
        if (!slots.cas(slot, Slots.QUEUED, Slots.RUNNING)) {
            return; // cancelled, or an entry left behind by a cancelled request
        }
        boolean cancelRest = false;
        for (int s = slot; s >= 0; ) {
            IoRequest r = slots.requests[s];
            long tag = slots.tags[s];
            int next = slots.next[s]; // read before the completion: the slot may be reused right after it
            long res;
            if (cancelRest) {
                res = -Errno.ECANCELED;
            } else {
                slots.state(s, Slots.RUNNING);
                res = run(s, r);
                cancelRest = (r.linkFlags() & LinkFlags.LINK) != 0 && failed(r, res);
            }
            slots.state(s, Slots.DONE); // before the push, for the same reason
            completions.push(tag, res);
            eventFd.signalOne();
            s = next;
        }
    }

    private long run(int slot, IoRequest r) {
        try {
            if ((r.linkFlags() & LinkFlags.DRAIN) != 0) {
                long seq = slots.seq(slot);
                while (slots.pendingBefore(seq)) {
                    if (closing.getAsBoolean()) {
                        return -Errno.ECANCELED;
                    }
                    LockSupport.parkNanos(DRAIN_POLL_NANOS);
                }
            }
            return SyncIo.run(r, memory.iovecOf(slot), 0);
        } catch (RuntimeException | Error e) {
            return -Errno.EIO; // never lose a completion
        }
    }

    /** Whether a LINK member failed: an error, or fewer bytes than asked (as io_uring counts a short read). */
    private static boolean failed(IoRequest r, long res) {
        return res < 0 || (r.op().transfersData() && res != r.length());
    }

    /**
     * Cancels a queued slot and the chain behind it; the submitter (or close) only. Each gets a
     * -ECANCELED completion. Returns how many completions were pushed (0: it was not queued).
     */
    int cancelQueued(int slot) {
        if (!slots.cas(slot, Slots.QUEUED, Slots.CANCELLED)) {
            return 0;
        }
        int n = 0;
        for (int s = slot; s >= 0; n++) {
            long tag = slots.tags[s];
            int next = slots.next[s];
            slots.state(s, Slots.CANCELLED);
            completions.push(tag, -Errno.ECANCELED);
            s = next;
        }
        return n;
    }
}
