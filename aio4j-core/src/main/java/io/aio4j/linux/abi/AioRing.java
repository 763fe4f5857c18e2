package io.aio4j.linux.abi;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;

/**
 * The header of {@code struct aio_ring} (kernel-private, fs/aio.c; libaio {@code src/aio_ring.h}),
 * 32 bytes, followed by {@code struct io_event io_events[nr]}. The {@code aio_context_t} that
 * io_setup returns is the user address of this header, mapped read/write into the process.
 * <pre>
 * struct aio_ring {
 *     unsigned id;                 // kernel internal index number
 *     unsigned nr;                 // number of io_events
 *     unsigned head;               // written by userland or by io_getevents
 *     unsigned tail;               // written by the kernel
 *     unsigned magic;              // AIO_RING_MAGIC
 *     unsigned compat_features;
 *     unsigned incompat_features;
 *     unsigned header_length;      // size of aio_ring
 *     struct io_event io_events[0];
 * };
 * </pre>
 * {@code head} and {@code tail} are indexes modulo {@code nr}; the ring is empty when they are equal.
 */
public final class AioRing {
    public static final StructLayout LAYOUT = MemoryLayout.structLayout(
            ValueLayout.JAVA_INT.withName("id"),
            ValueLayout.JAVA_INT.withName("nr"),
            ValueLayout.JAVA_INT.withName("head"),
            ValueLayout.JAVA_INT.withName("tail"),
            ValueLayout.JAVA_INT.withName("magic"),
            ValueLayout.JAVA_INT.withName("compat_features"),
            ValueLayout.JAVA_INT.withName("incompat_features"),
            ValueLayout.JAVA_INT.withName("header_length"));
    /** The header size, where io_events[0] starts. */
    public static final long HEADER_SIZE = LAYOUT.byteSize();
    /** AIO_RING_MAGIC. */
    public static final int AIO_RING_MAGIC = 0xa10a10a1;
    /** The only incompatible-feature set a reader may accept. */
    public static final int AIO_RING_INCOMPAT_FEATURES = 0;

    private static final long NR = off("nr");
    private static final long MAGIC = off("magic");
    private static final long COMPAT = off("compat_features");
    private static final long INCOMPAT = off("incompat_features");
    private static final long HEADER_LENGTH = off("header_length");
    private static final VarHandle HEAD = LAYOUT.varHandle(MemoryLayout.PathElement.groupElement("head"));
    private static final VarHandle TAIL = LAYOUT.varHandle(MemoryLayout.PathElement.groupElement("tail"));

    private AioRing() {
    }

    private static long off(String name) {
        return LAYOUT.byteOffset(MemoryLayout.PathElement.groupElement(name));
    }

    /**
     * The ring header at {@code ctx} (an aio_context_t), as a 32-byte segment. Restricted
     * (needs native access): the caller must only pass a live context's address.
     */
    public static MemorySegment header(long ctx) {
        return MemorySegment.ofAddress(ctx).reinterpret(HEADER_SIZE);
    }

    /** The whole ring at {@code ctx}: header plus {@code nr} events. Same restriction as {@link #header}. */
    public static MemorySegment ring(long ctx, int nr) {
        return MemorySegment.ofAddress(ctx).reinterpret(HEADER_SIZE + (long) nr * AioIoEvent.SIZE);
    }

    public static int nr(MemorySegment ring) {
        return ring.get(ValueLayout.JAVA_INT, NR);
    }

    public static int magic(MemorySegment ring) {
        return ring.get(ValueLayout.JAVA_INT, MAGIC);
    }

    public static int compatFeatures(MemorySegment ring) {
        return ring.get(ValueLayout.JAVA_INT, COMPAT);
    }

    public static int incompatFeatures(MemorySegment ring) {
        return ring.get(ValueLayout.JAVA_INT, INCOMPAT);
    }

    public static int headerLength(MemorySegment ring) {
        return ring.get(ValueLayout.JAVA_INT, HEADER_LENGTH);
    }

    /** The tail, with acquire ordering. */
    public static int loadAcquireTail(MemorySegment ring) {
        // acquire: pairs with the kernel's smp_wmb() in aio_complete() before it stores the tail,
        // so the io_events up to the tail are visible
        return (int) TAIL.getAcquire(ring, 0L);
    }

    /** The head (only its consumer writes it, so a plain read is enough for that consumer). */
    public static int head(MemorySegment ring) {
        return (int) HEAD.get(ring, 0L);
    }

    /** Publishes a new head, with release ordering. */
    public static void storeReleaseHead(MemorySegment ring, int head) {
        // release: the kernel may reuse the slots before the head once it reads it, so our reads
        // of those io_events must be done first
        HEAD.setRelease(ring, 0L, head);
    }

    /** Writes the header fields (for tests that build a ring in memory). */
    public static void initForTest(MemorySegment ring, int nr, int magic, int incompat, int headerLength) {
        ring.set(ValueLayout.JAVA_INT, NR, nr);
        ring.set(ValueLayout.JAVA_INT, MAGIC, magic);
        ring.set(ValueLayout.JAVA_INT, COMPAT, 1);
        ring.set(ValueLayout.JAVA_INT, INCOMPAT, incompat);
        ring.set(ValueLayout.JAVA_INT, HEADER_LENGTH, headerLength);
    }

    /** Stores the tail with release ordering (for tests that play the kernel). */
    public static void storeReleaseTail(MemorySegment ring, int tail) {
        TAIL.setRelease(ring, 0L, tail);
    }
}
