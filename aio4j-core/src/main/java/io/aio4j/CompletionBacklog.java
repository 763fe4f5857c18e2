package io.aio4j;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Completions that the core itself produced: requests that failed validation at submit, and
 * the engine's drain at close. Single producer (the submitter, or close holding both locks),
 * single consumer (the reaper). Capacity equals the context's, and every entry holds a slot, so
 * it cannot overflow.
 */
final class CompletionBacklog {
    private static final VarHandle LONGS = MethodHandles.arrayElementVarHandle(long[].class);
    private static final int HEAD = 0;
    private static final int TAIL = 8;

    private final long[] tags;
    private final long[] results;
    private final long[] res2s;
    private final int mask;
    private final long[] counters = new long[16];

    CompletionBacklog(int capacity) {
        int size = Integer.highestOneBit(Math.max(1, capacity - 1)) << 1;
        tags = new long[size];
        results = new long[size];
        res2s = new long[size];
        mask = size - 1;
    }

    void push(long tag, long result, long res2) {
        long tail = counters[TAIL];
        int i = (int) tail & mask;
        tags[i] = tag;
        results[i] = result;
        res2s[i] = res2;
        // release: the consumer must see the entry before the new tail
        LONGS.setRelease(counters, TAIL, tail + 1);
    }

    boolean isEmpty() {
        return (long) LONGS.getAcquire(counters, TAIL) == counters[HEAD];
    }

    /** Hands up to {@code max} entries to {@code sink}; returns how many. */
    int drain(io.aio4j.spi.CompletionSink sink, int max) {
        long head = counters[HEAD];
        // acquire: pairs with push()'s release of the tail
        long tail = (long) LONGS.getAcquire(counters, TAIL);
        int n = (int) Math.min(max, tail - head);
        for (int k = 0; k < n; k++) {
            int i = (int) (head + k) & mask;
            sink.complete(tags[i], results[i], res2s[i]);
        }
        // release: the entries may be overwritten once the producer sees the new head
        LONGS.setRelease(counters, HEAD, head + n);
        return n;
    }
}
