package io.aio4j.linux.uring;

import io.aio4j.linux.abi.IoUringCqe;
import io.aio4j.linux.abi.IoUringParams;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;

/**
 * The user side of an io_uring completion queue: one consumer at a time (the engine's reaper);
 * the kernel produces. CQEs are read in place, in at most two contiguous runs across the wrap
 * (seed 000/001), and the head is published once per batch with a release store.
 */
public final class CompletionQueue {
    private static final VarHandle INT = ValueLayout.JAVA_INT.varHandle();

    /** Receives CQEs read from the ring. */
    @FunctionalInterface
    public interface Handler {
        /**
         * One CQE.
         *
         * @return how much of the caller's {@code max} this CQE used (1 for a delivered
         *     completion, 0 for one the handler consumed itself)
         */
        int cqe(long userData, int res, int flags);
    }

    private final MemorySegment ring;
    private final long headOff;
    private final long tailOff;
    private final long overflowOff;
    private final long cqesOff;
    private final int mask;
    private final int entries;
    /** Our head: the kernel's copy is only written by us. */
    private int head;

    CompletionQueue(MemorySegment ring, MemorySegment params) {
        this.ring = ring;
        this.headOff = IoUringParams.cqOff(params, "head");
        this.tailOff = IoUringParams.cqOff(params, "tail");
        this.overflowOff = IoUringParams.cqOff(params, "overflow");
        this.cqesOff = IoUringParams.cqOff(params, "cqes");
        this.mask = ring.get(ValueLayout.JAVA_INT, IoUringParams.cqOff(params, "ring_mask"));
        this.entries = ring.get(ValueLayout.JAVA_INT, IoUringParams.cqOff(params, "ring_entries"));
        this.head = ring.get(ValueLayout.JAVA_INT, headOff);
    }

    /** The number of entries of the ring. */
    public int entries() {
        return entries;
    }

    /** CQEs ready to read now. */
    public int ready() {
        // acquire: pairs with the kernel's release of cq.tail after it wrote the CQEs
        return (int) INT.getAcquire(ring, tailOff) - head;
    }

    /** The kernel's count of CQEs it dropped (only on kernels without FEAT_NODROP, or -EBADR). */
    public int overflow() {
        return (int) INT.getAcquire(ring, overflowOff);
    }

    /**
     * Hands ready CQEs to {@code handler} until it has counted {@code max} or the ring is empty,
     * then frees their ring space.
     *
     * @return the sum of the handler's counts
     */
    public int reap(Handler handler, int max) {
        // acquire: pairs with the kernel's release of cq.tail; the CQEs before it are visible
        int tail = (int) INT.getAcquire(ring, tailOff);
        int h = head;
        int counted = 0;
        while (h != tail && counted < max) {
            // one contiguous run: from h to the tail or to the end of the array, whichever is first
            int idx = h & mask;
            int run = Math.min(tail - h, entries - idx);
            long at = cqesOff + (long) idx * IoUringCqe.SIZE;
            int i = 0;
            while (i < run && counted < max) {
                counted += handler.cqe(IoUringCqe.userData(ring, at), IoUringCqe.res(ring, at), IoUringCqe.flags(ring, at));
                at += IoUringCqe.SIZE;
                i++;
            }
            h += i;
        }
        if (h != head) {
            head = h;
            // release: our reads of the CQEs happen before the kernel may overwrite them (pairs with its acquire of cq.head)
            INT.setRelease(ring, headOff, h);
        }
        return counted;
    }
}
