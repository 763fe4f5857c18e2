package io.aio4j.linux.uring;

import io.aio4j.linux.abi.IoUringParams;
import io.aio4j.linux.abi.IoUringSqe;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;

/**
 * The user side of an io_uring submission queue: the mapped SQ ring (head, tail, flags, index
 * array) and SQE array. One producer at a time (the engine's submitter); the kernel is the
 * consumer. Counters are free-running u32s; an entry's index is {@code counter & mask}.
 *
 * <p>The index array is set once to the identity (entry {@code i} names SQE {@code i}), so
 * {@link #next()} only writes the SQE and bumps a private tail; {@link #publish()} makes the new
 * entries visible to the kernel with one release store.
 */
public final class SubmissionQueue {
    private static final VarHandle INT = ValueLayout.JAVA_INT.varHandle();

    private final MemorySegment ring;
    private final MemorySegment sqes;
    private final long headOff;
    private final long tailOff;
    private final long flagsOff;
    private final int mask;
    private final int entries;
    /** Our tail: entries prepared, published or not. */
    private int tail;

    SubmissionQueue(MemorySegment ring, MemorySegment sqes, MemorySegment params) {
        this.ring = ring;
        this.sqes = sqes;
        this.headOff = IoUringParams.sqOff(params, "head");
        this.tailOff = IoUringParams.sqOff(params, "tail");
        this.flagsOff = IoUringParams.sqOff(params, "flags");
        this.mask = ring.get(ValueLayout.JAVA_INT, IoUringParams.sqOff(params, "ring_mask"));
        this.entries = ring.get(ValueLayout.JAVA_INT, IoUringParams.sqOff(params, "ring_entries"));
        long arrayOff = IoUringParams.sqOff(params, "array");
        for (int i = 0; i < entries; i++) {
            ring.set(ValueLayout.JAVA_INT, arrayOff + 4L * i, i);
        }
        this.tail = ring.get(ValueLayout.JAVA_INT, tailOff);
    }

    /** The SQE array (mapped); SQE offsets from {@link #next()} index into it. */
    public MemorySegment sqes() {
        return sqes;
    }

    /** The number of entries of the ring. */
    public int entries() {
        return entries;
    }

    /** The kernel's head: how many entries it has consumed. */
    public int loadAcquireHead() {
        // acquire: pairs with the kernel's release of sq.head after it has read the SQEs
        return (int) INT.getAcquire(ring, headOff);
    }

    /** Entries free for {@link #next()}. */
    public int space() {
        return entries - (tail - loadAcquireHead());
    }

    /** Entries prepared but not yet consumed by the kernel (published or not). */
    public int unconsumed() {
        return tail - loadAcquireHead();
    }

    /**
     * Entries published and not yet consumed by the kernel; any thread may ask (the reaper hands
     * such leftovers to the kernel when a submit's io_uring_enter was refused with EAGAIN/EBUSY).
     */
    public int unconsumedPublished() {
        // acquire: pairs with our own release in publish(), possibly from the submitter thread
        return (int) INT.getAcquire(ring, tailOff) - loadAcquireHead();
    }

    /**
     * Takes the next SQE, zeroed, and returns its byte offset in {@link #sqes()}. The caller
     * must have checked {@link #space()}.
     */
    public long next() {
        long at = (long) (tail & mask) * IoUringSqe.SIZE;
        for (long o = 0; o < IoUringSqe.SIZE; o += 8) {
            sqes.set(ValueLayout.JAVA_LONG, at + o, 0L);
        }
        tail++;
        return at;
    }

    /** The byte offset of the SQE prepared last (before the current tail). */
    public long last() {
        return (long) ((tail - 1) & mask) * IoUringSqe.SIZE;
    }

    /** Makes every prepared SQE visible to the kernel. */
    public void publish() {
        // release: the kernel must see the SQEs before the new tail (pairs with its acquire of sq.tail)
        INT.setRelease(ring, tailOff, tail);
    }

    /**
     * The SQ ring flags (NEED_WAKEUP, CQ_OVERFLOW, TASKRUN), read after a full fence so that a
     * tail just published and the SQPOLL thread's NEED_WAKEUP are not reordered (liburing's
     * io_uring_smp_mb before reading the flags).
     */
    public int flagsAfterFence() {
        VarHandle.fullFence();
        return (int) INT.getVolatile(ring, flagsOff);
    }

    /** The SQ ring flags, read with acquire (enough when no tail was just published). */
    public int loadAcquireFlags() {
        // acquire: pairs with the kernel's atomic update of sq.flags
        return (int) INT.getAcquire(ring, flagsOff);
    }
}
