package io.aio4j.linux.aio;

import io.aio4j.linux.abi.AioIoEvent;
import io.aio4j.linux.abi.AioRing;
import java.lang.foreign.MemorySegment;

/**
 * Reaps Linux AIO completions from user space: reads the io_events between the ring's head and
 * tail and publishes the new head, as io_getevents would, without a system call (seeds 000,
 * 001: the ring is mapped once and kept; events are copied out in at most two bulk copies,
 * across the wrap).
 *
 * <p>Only used when the header checks out ({@link #check}); otherwise the engine uses
 * io_getevents. One consumer at a time (the engine's reaper), and never together with
 * io_getevents on the same context, which moves the head too.
 */
final class AioRingReader {
    /** The largest nr accepted: fs.aio-max-nr's default doubled, as io_setup sizes rings. */
    static final int MAX_NR = 1 << 20;

    private final MemorySegment ring;
    private final int nr;

    private AioRingReader(MemorySegment ring, int nr) {
        this.ring = ring;
        this.nr = nr;
    }

    /**
     * Why the header at {@code header} cannot be read from user space, or null if it can:
     * magic 0xa10a10a1, incompat_features 0, header_length 32, nr in 1..{@value #MAX_NR}.
     */
    static String check(MemorySegment header) {
        int magic = AioRing.magic(header);
        if (magic != AioRing.AIO_RING_MAGIC) {
            return "aio_ring magic=0x" + Integer.toHexString(magic) + ", expected 0xa10a10a1";
        }
        int incompat = AioRing.incompatFeatures(header);
        if (incompat != AioRing.AIO_RING_INCOMPAT_FEATURES) {
            return "aio_ring incompat_features=" + incompat + ", expected 0";
        }
        int len = AioRing.headerLength(header);
        if (len != AioRing.HEADER_SIZE) {
            return "aio_ring header_length=" + len + ", expected " + AioRing.HEADER_SIZE;
        }
        int nr = AioRing.nr(header);
        if (nr <= 0 || nr > MAX_NR) {
            return "aio_ring nr=" + nr + " is outside 1.." + MAX_NR;
        }
        return null;
    }

    /** A reader over a ring whose header passed {@link #check}, given the ring's whole segment. */
    static AioRingReader over(MemorySegment ring) {
        int nr = AioRing.nr(ring);
        if (ring.byteSize() < AioRing.HEADER_SIZE + (long) nr * AioIoEvent.SIZE) {
            throw new IllegalArgumentException("ring of " + ring.byteSize() + " bytes cannot hold nr=" + nr + " events");
        }
        return new AioRingReader(ring, nr);
    }

    /** Whether the ring holds no event (head == tail, both in range): nothing left to reap. */
    boolean isEmpty() {
        int head = AioRing.head(ring);
        int tail = AioRing.loadAcquireTail(ring);
        return head == tail && head >= 0 && head < nr;
    }

    /** The ring's slot count (ring->nr). */
    int nr() {
        return nr;
    }

    /**
     * Copies up to {@code max} completed io_events into {@code dst} (an io_event array) and
     * publishes the new head.
     *
     * @return how many were copied, 0 when the ring is empty, or -1 when head or tail is out of
     *     range (the ring cannot be trusted; the caller should switch to io_getevents)
     */
    int copyOut(MemorySegment dst, int max) {
        int head = AioRing.head(ring);
        int tail = AioRing.loadAcquireTail(ring);
        if (head < 0 || head >= nr || tail < 0 || tail >= nr) {
            return -1;
        }
        if (head == tail) {
            return 0;
        }
        int ready = tail > head ? tail - head : nr - head + tail;
        int n = Math.min(ready, Math.min(max, (int) (dst.byteSize() / AioIoEvent.SIZE)));
        if (n <= 0) {
            return 0;
        }
        int first = Math.min(n, nr - head);
        long base = AioRing.HEADER_SIZE;
        MemorySegment.copy(ring, base + head * AioIoEvent.SIZE, dst, 0, first * AioIoEvent.SIZE);
        if (n > first) {
            MemorySegment.copy(ring, base, dst, first * AioIoEvent.SIZE, (n - first) * AioIoEvent.SIZE);
        }
        int newHead = head + n;
        AioRing.storeReleaseHead(ring, newHead >= nr ? newHead - nr : newHead);
        return n;
    }
}
