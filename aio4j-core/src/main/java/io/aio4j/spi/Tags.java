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

    /**
     * A tag.
     *
     * @param slot the request's slot, {@code >= 0}
     * @param generation the slot's generation, taken modulo 2^31
     * @return the tag of {@code slot} in {@code generation}
     * @throws IllegalArgumentException if {@code slot < 0}
     */
    public static long of(int slot, int generation) {
        if (slot < 0) {
            throw new IllegalArgumentException("slot=" + slot);
        }
        return ((generation & GEN_MASK) << 32) | (slot & 0xffff_ffffL);
    }

    /**
     * The slot of a tag.
     *
     * @param tag a request tag
     * @return its slot
     */
    public static int slot(long tag) {
        return (int) tag;
    }

    /**
     * The generation of a tag.
     *
     * @param tag a request tag
     * @return its generation
     */
    public static int generation(long tag) {
        return (int) ((tag >>> 32) & GEN_MASK);
    }

    /**
     * Whether the tag marks an engine-internal request.
     *
     * @param tag a tag
     * @return true if bit 63 is set
     */
    public static boolean isInternal(long tag) {
        return tag < 0;
    }

    /**
     * An internal tag.
     *
     * @param code engine-defined, in the low 63 bits
     * @return a tag with bit 63 set, carrying {@code code}
     */
    public static long internal(long code) {
        return INTERNAL | (code & ~INTERNAL);
    }
}
