package io.aio4j.bench.run;

/**
 * Every block number 0..blocks-1 once per pass, in a scrambled order (fio's random map: a random
 * job visits each block once per pass). A bijection on k-bit counters (multiply by an odd
 * constant, add, xor-shift, all mod 2^k) where 2^k >= blocks, skipping values past the end.
 * Allocates nothing.
 */
final class BlockPermutation {
    private final long blocks;
    private final long mask;
    private final int half;
    private final long seed;
    private long counter;

    BlockPermutation(long blocks, long seed) {
        if (blocks <= 0) {
            throw new IllegalArgumentException("blocks=" + blocks);
        }
        int bits = 64 - Long.numberOfLeadingZeros(Math.max(1, blocks - 1));
        this.blocks = blocks;
        this.mask = bits == 64 ? -1L : (1L << bits) - 1;
        this.half = Math.max(1, bits / 2);
        this.seed = seed;
    }

    /** The next block of this pass, or -1 when every block has been returned once. */
    long next() {
        while (counter <= mask) {
            long x = scramble(counter++);
            if (x < blocks) {
                return x;
            }
        }
        return -1;
    }

    /** Starts a new pass (in the same order). */
    void restart() {
        counter = 0;
    }

    private long scramble(long i) {
        long x = (i * 0x9E3779B97F4A7C15L + seed) & mask;
        x ^= x >>> half;
        x = (x * 0xBF58476D1CE4E5B9L) & mask;
        x ^= x >>> half;
        x = (x * 0x94D049BB133111EBL + (seed >>> 7)) & mask;
        return x ^ (x >>> half);
    }
}
