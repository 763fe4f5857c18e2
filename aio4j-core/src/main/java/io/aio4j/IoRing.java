package io.aio4j;

/**
 * Ring mode (io_ring_enter, seed 002): a submission ring of request entries the caller fills, a
 * completion ring of events the caller reads directly, and one call, {@link #enter}, that submits
 * and waits. Works on every engine. Used by one thread at a time.
 *
 * <pre>{@code
 * IoRing ring = ctx.ring();
 * ring.nextSqe().prepRead(file, buf, 0).userData(1);
 * ring.enter(ring.sqPending(), 1);
 * for (int i = 0; i < ring.cqReady(); i++) { IoEvent e = ring.cqe(i); ... }
 * ring.cqAdvance(ring.cqReady());
 * }</pre>
 */
public final class IoRing {
    private final IoContext ctx;
    private final IoRequest[] sq;
    private final IoEvent[] cq;
    private final int sqMask;
    private final int cqMask;
    private int sqHead;
    private int sqTail;
    private int cqHead;
    private int cqTail;

    IoRing(IoContext ctx) {
        this.ctx = ctx;
        int sqSize = Integer.highestOneBit(Math.max(1, ctx.capacity() - 1)) << 1;
        int cqSize = sqSize * 2;
        sq = new IoRequest[sqSize];
        for (int i = 0; i < sqSize; i++) {
            sq[i] = new IoRequest();
        }
        cq = IoEvent.array(cqSize);
        sqMask = sqSize - 1;
        cqMask = cqSize - 1;
    }

    /** {@return submission ring size (a power of two at least the context's capacity)} */
    public int sqEntries() {
        return sq.length;
    }

    /** {@return completion ring size (2 x sqEntries)} */
    public int cqEntries() {
        return cq.length;
    }

    /**
     * The next free submission entry, to be prepared; null when the ring is full (every entry
     * queued or still in flight). The entry is queued at once; {@link #enter} submits it.
     *
     * @return an idle request to prepare with a {@code prep*} method, or null when the ring is full
     */
    public IoRequest nextSqe() {
        if (sqTail - sqHead == sq.length) {
            return null;
        }
        IoRequest r = sq[sqTail & sqMask];
        if (r.inFlight()) {
            return null;
        }
        sqTail++;
        return r;
    }

    /** {@return entries queued and not yet submitted} */
    public int sqPending() {
        return sqTail - sqHead;
    }

    /**
     * Submits up to {@code toSubmit} queued entries, then reaps completions into the completion
     * ring, waiting until at least {@code minComplete} are ready there (bounded by its free room).
     * Entries the context had no room for stay queued for the next call.
     *
     * @param toSubmit the most queued entries to submit
     * @param minComplete how many completions to wait for in the completion ring
     * @return how many entries were submitted
     * @throws IllegalArgumentException if an argument is negative
     * @throws InterruptedException if interrupted while waiting before any completion was taken
     */
    public int enter(int toSubmit, int minComplete) throws InterruptedException {
        if (toSubmit < 0 || minComplete < 0) {
            throw new IllegalArgumentException("toSubmit=" + toSubmit + ", minComplete=" + minComplete + ": must be >= 0");
        }
        int submitted = 0;
        int want = Math.min(toSubmit, sqPending());
        while (submitted < want) {
            int at = (sqHead + submitted) & sqMask;
            int run = Math.min(want - submitted, sq.length - at);
            int k = ctx.submit(sq, at, run);
            submitted += k;
            if (k < run) {
                break;
            }
        }
        sqHead += submitted;
        int room = cq.length - cqReady();
        int need = Math.min(Math.max(0, minComplete - cqReady()), room);
        while (room > 0) {
            int at = cqTail & cqMask;
            int run = Math.min(room, cq.length - at);
            int k = ctx.getEvents(Math.min(need, run), cq, at, run, need > 0 ? -1 : 0);
            cqTail += k;
            room -= k;
            need = Math.max(0, need - k);
            if (k < run || need == 0) {
                break;
            }
        }
        return submitted;
    }

    /** {@return completions ready in the completion ring} */
    public int cqReady() {
        return cqTail - cqHead;
    }

    /**
     * The {@code i}-th ready completion (0 = oldest); valid until {@link #cqAdvance}.
     *
     * @param i 0..cqReady()-1
     * @return the completion; its request is idle again
     * @throws IndexOutOfBoundsException if {@code i} is out of range
     */
    public IoEvent cqe(int i) {
        if (i < 0 || i >= cqReady()) {
            throw new IndexOutOfBoundsException("i=" + i + " is outside 0.." + (cqReady() - 1));
        }
        return cq[(cqHead + i) & cqMask];
    }

    /**
     * Marks {@code n} completions consumed, making room for more.
     *
     * @param n 0..cqReady()
     * @throws IllegalArgumentException if {@code n} is out of range
     */
    public void cqAdvance(int n) {
        if (n < 0 || n > cqReady()) {
            throw new IllegalArgumentException("n=" + n + " is outside 0.." + cqReady());
        }
        cqHead += n;
    }
}
