package io.aio4j.bench.run;

/**
 * What fio reports for one direction (read or write) of one job: bytes, I/Os, latencies and
 * rate samples. One thread records; others read after the job finished.
 */
public final class DirectionStats {
    /**
     * Submission latency: from preparing the request to the return of the submit call that
     * carried it. Percentiles only with slat_percentiles, as fio.
     */
    public final LatencyStats slat;
    /** Completion latency: from the submit call's return to the reap that saw it. */
    public final LatencyStats clat = new LatencyStats();
    /** Total latency: slat + clat. Percentiles only with lat_percentiles, as fio. */
    public final LatencyStats lat;
    /** Bandwidth samples in KiB/s. */
    public final Moments bw = new Moments();
    /** IOPS samples. */
    public final Moments iops = new Moments();
    long bytes;
    long ios;
    long shortIos;
    long sampleBytes;
    long sampleIos;

    /** Figures with every percentile kept. */
    public DirectionStats() {
        this(true, true);
    }

    /**
     * Figures keeping clat percentiles (fio's default, and the source of its latency_ns/us/ms
     * tables), and slat and lat percentiles only if asked: a histogram each is recorded per I/O,
     * made at set-up (34 KB) and summed for group reporting.
     */
    public DirectionStats(boolean slatPercentiles, boolean latPercentiles) {
        slat = slatPercentiles ? new LatencyStats() : LatencyStats.momentsOnly();
        lat = latPercentiles ? new LatencyStats() : LatencyStats.momentsOnly();
    }

    /** Bytes transferred. */
    public long bytes() {
        return bytes;
    }

    /** I/Os completed. */
    public long ios() {
        return ios;
    }

    /** I/Os that transferred fewer bytes than asked. */
    public long shortIos() {
        return shortIos;
    }

    /** Makes the latency histograms now, when the job sets up (see LatencyStats#allocate). */
    void allocate() {
        slat.allocate();
        clat.allocate();
        lat.allocate();
    }

    void reset() {
        slat.reset();
        clat.reset();
        lat.reset();
        bw.reset();
        iops.reset();
        bytes = 0;
        ios = 0;
        shortIos = 0;
        sampleBytes = 0;
        sampleIos = 0;
    }

    /** Closes a rate sample of {@code nanos}. */
    void sample(long nanos) {
        if (nanos > 0) {
            bw.sample(sampleBytes / 1024.0 * 1e9 / nanos);
            iops.sample(sampleIos * 1e9 / nanos);
        }
        sampleBytes = 0;
        sampleIos = 0;
    }

    /** Adds another job's figures (group reporting). */
    public void add(DirectionStats o) {
        slat.add(o.slat);
        clat.add(o.clat);
        lat.add(o.lat);
        bw.add(o.bw);
        iops.add(o.iops);
        bytes += o.bytes;
        ios += o.ios;
        shortIos += o.shortIos;
    }
}
