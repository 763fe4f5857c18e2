package io.aio4j;

/**
 * A completion, filled by {@link IoContext#getEvents}. Events are caller-owned and reusable, so a
 * reaping loop allocates nothing. Not thread-safe: one thread fills and reads an event at a time.
 */
public final class IoEvent {
    private long userData;
    private long result;
    private long res2;
    private IoRequest request;

    /** An empty event to be filled. */
    public IoEvent() {
    }

    /**
     * Makes events to reap into, once, for reuse.
     *
     * @param n how many
     * @return an array of {@code n} new events
     */
    public static IoEvent[] array(int n) {
        IoEvent[] a = new IoEvent[n];
        for (int i = 0; i < n; i++) {
            a[i] = new IoEvent();
        }
        return a;
    }

    void set(long userData, long result, long res2, IoRequest request) {
        this.userData = userData;
        this.result = result;
        this.res2 = res2;
        this.request = request;
    }

    /** {@return the user datum of the request, as set by {@link IoRequest#userData(long)}} */
    public long userData() {
        return userData;
    }

    /**
     * The result: bytes transferred ({@code 0} at EOF; fewer than asked is a short transfer, not an
     * error) or 0 for ops without a count, or {@code -errno} on failure (e.g. -ECANCELED).
     *
     * @return the result; {@link IoErrors#resultText(long)} prints it, {@link Errno} names it
     */
    public long result() {
        return result;
    }

    /** {@return the secondary result (io_event.res2; io_uring CQE flags); 0 on most engines} */
    public long res2() {
        return res2;
    }

    /**
     * The request that completed. It is idle again and may be prepared anew; its buffer is the
     * caller's again.
     *
     * @return the request, or null if this event has not been filled
     */
    public IoRequest request() {
        return request;
    }

    /** {@return whether {@link #result()} is an error ({@code -errno})} */
    public boolean failed() {
        return result < 0;
    }

    @Override
    public String toString() {
        return "IoEvent[userData=" + userData + ", result=" + IoErrors.resultText(result) + ", res2=" + res2 + "]";
    }
}
