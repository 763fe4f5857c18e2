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

    /** An array of {@code n} new events. */
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

    /** The user datum of the request, as set by {@link IoRequest#userData(long)}. */
    public long userData() {
        return userData;
    }

    /**
     * The result: bytes transferred ({@code 0} at EOF; fewer than asked is a short transfer, not an
     * error) or 0 for ops without a count, or {@code -errno} on failure (e.g. -ECANCELED).
     */
    public long result() {
        return result;
    }

    /** The secondary result (io_event.res2; io_uring CQE flags); 0 on most engines. */
    public long res2() {
        return res2;
    }

    /**
     * The request that completed. It is idle again and may be prepared anew; its buffer is the
     * caller's again.
     */
    public IoRequest request() {
        return request;
    }

    /** Whether {@link #result()} is an error. */
    public boolean failed() {
        return result < 0;
    }

    @Override
    public String toString() {
        return "IoEvent[userData=" + userData + ", result=" + IoErrors.resultText(result) + ", res2=" + res2 + "]";
    }
}
