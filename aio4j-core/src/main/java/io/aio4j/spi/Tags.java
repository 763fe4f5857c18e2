package io.aio4j.spi;

/**
 * The encoding of a request's tag, the 64-bit word a native engine puts in user_data /
 * aio_data: the slot of the request in its context (low 32 bits) and a generation (bits 32..62)
 * that changes on every reuse of the slot, so a late or stale completion cannot be mistaken for a
 * newer request. Bit 63 marks the engine's own internal requests (wakeups, cancels), which the
 * core never sees.
 */
public final class Tags {
    /** Set on tags of engine-internal requests; never a valid request tag. */
    public static final long INTERNAL = 1L << 63;
    private static final long GEN_MASK = 0x7fff_ffffL;

    private Tags() {
    }

    /** The tag of {@code slot} in generation {@code generation} (taken modulo 2^31). */
    public static long of(int slot, int generation) {
        if (slot < 0) {
            throw new IllegalArgumentException("slot=" + slot);
        }
        return ((generation & GEN_MASK) << 32) | (slot & 0xffff_ffffL);
    }

    /** The slot of a tag. */
    public static int slot(long tag) {
        return (int) tag;
    }

    /** The generation of a tag. */
    public static int generation(long tag) {
        return (int) ((tag >>> 32) & GEN_MASK);
    }

    /** Whether the tag marks an engine-internal request. */
    public static boolean isInternal(long tag) {
        return tag < 0;
    }

    /** An internal tag carrying {@code code} (engine-defined). */
    public static long internal(long code) {
        return INTERNAL | (code & ~INTERNAL);
    }
}
