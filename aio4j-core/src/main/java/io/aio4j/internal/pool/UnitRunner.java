package io.aio4j.internal.pool;

import io.aio4j.Errno;
import io.aio4j.IoRequest;
import io.aio4j.LinkFlags;
import io.aio4j.spi.Tags;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The portable engine's per-slot request state and the execution of a <em>unit</em>: one
 * request, or a chain of requests linked with LINK/HARDLINK, run in order by one thread.
 *
 * <p>A unit is claimed by the tag of its head: {@code queued[slot]} holds that tag while the
 * unit waits, and exactly one of the executor ({@link #claim}) and the canceller
 * ({@link #cancel}) wins the CAS away from it; the winner posts every completion of the unit.
 * So a stale queue entry (its slot since reused) can never run someone else's request.
 */
final class UnitRunner {
    private static final VarHandle QUEUED = MethodHandles.arrayElementVarHandle(long[].class);
    private static final long RUNNING = -2;
    private static final long CANCELLED = -3;
    private static final long IDLE = -1;

    private final FileIo io;
    private final CompletionRing ring;
    private final IoRequest[] bySlot;
    private final Iovecs.Scratch[] scratch;
    private final long[] queued;
    private final int[] chainNext;
    private final long[] partial;

    UnitRunner(FileIo io, CompletionRing ring, int capacity, Iovecs iovecs) {
        this.io = io;
        this.ring = ring;
        this.bySlot = new IoRequest[capacity];
        this.scratch = new Iovecs.Scratch[capacity];
        this.queued = new long[capacity];
        this.chainNext = new int[capacity];
        this.partial = new long[capacity];
        java.util.Arrays.fill(queued, IDLE);
        for (int i = 0; i < capacity; i++) {
            scratch[i] = iovecs.of(i);
        }
    }

    FileIo io() {
        return io;
    }

    /** Records a request at submit (submitter thread). {@code next} is the next chain member's slot or -1. */
    void record(IoRequest r, int next) {
        int s = Tags.slot(r.tag());
        bySlot[s] = r;
        chainNext[s] = next;
        partial[s] = 0;
    }

    /** Marks a unit head as waiting (submitter thread, before hand-off). */
    void markQueued(long headTag) {
        // release: the executor's claim CAS must see the recorded request
        QUEUED.setRelease(queued, Tags.slot(headTag), headTag);
    }

    /** Bytes an inline RWF_NOWAIT attempt already moved for this slot. */
    void partial(int slot, long done) {
        partial[slot] = done;
    }

    IoRequest request(int slot) {
        return bySlot[slot];
    }

    Iovecs.Scratch scratch(int slot) {
        return scratch[slot];
    }

    /** Whether the unit with this head tag is still waiting (for a cancel's answer). */
    boolean isQueued(long headTag) {
        return (long) QUEUED.getVolatile(queued, Tags.slot(headTag)) == headTag;
    }

    /** Takes a waiting unit for execution; false if it was cancelled (or the entry is stale). */
    boolean claim(long headTag) {
        return QUEUED.compareAndSet(queued, Tags.slot(headTag), headTag, RUNNING);
    }

    /** Cancels a waiting unit and posts -ECANCELED for each member; false if it is not waiting. */
    boolean cancel(long headTag) {
        if (!QUEUED.compareAndSet(queued, Tags.slot(headTag), headTag, CANCELLED)) {
            return false;
        }
        post(Tags.slot(headTag), true);
        return true;
    }

    /** Runs a claimed unit to the end, posting a completion per member. */
    void run(long headTag) {
        post(Tags.slot(headTag), false);
    }

    /** Completes a single request that was performed inline (the SQ_WORKQUEUE NOWAIT try). */
    void run(long tag, long result) {
        int s = Tags.slot(tag);
        bySlot[s] = null;
        ring.post(tag, result);
    }

    private void post(int slot, boolean cancelAll) {
        boolean broken = cancelAll;
        int s = slot;
        while (s >= 0) {
            IoRequest r = bySlot[s];
            int next = chainNext[s];
            long tag = r.tag();
            int link = r.linkFlags();
            long res;
            if (broken) {
                res = -Errno.ECANCELED;
            } else {
                long done = partial[s];
                long k = perform(r, done, s);
                res = k < 0 ? (done > 0 ? done : k) : done + k;
                if ((link & LinkFlags.LINK) != 0 && failed(r, res)) {
                    broken = true;
                }
            }
            bySlot[s] = null;
            QUEUED.setRelease(queued, s, IDLE);
            ring.post(tag, res); // after this the core may reuse the slot: read nothing of it below
            s = next;
        }
    }

    /** Performs a request; whatever goes wrong becomes -errno, so a completion is always posted. */
    private long perform(IoRequest r, long done, int s) {
        try {
            return io.perform(r, done, 0, scratch[s]);
        } catch (RuntimeException e) {
            return -Errno.EFAULT; // e.g. memory of a closed arena; the request still completes
        } catch (OutOfMemoryError e) {
            return -Errno.ENOMEM;
        }
    }

    /** A LINK chain breaks on an error or a short transfer. */
    static boolean failed(IoRequest r, long res) {
        return res < 0 || (r.op().transfersData() && res < r.length());
    }
}
