package io.aio4j.bench.run;

import org.HdrHistogram.Histogram;

/**
 * One latency series in nanoseconds: an HdrHistogram for percentiles (2 significant digits, up
 * to 10 minutes; longer values count as 10 minutes) and exact min, max, mean and deviation, as
 * fio reports them. Recording allocates nothing after the first value. One thread records; others read
 * after it stopped.
 */
public final class LatencyStats {
    private static final long HIGHEST_NANOS = 600_000_000_000L;

    /**
     * 2 significant digits: values within 1/128 of their bucket, finer than fio's own latency
     * buckets (64 per power of two, FIO_IO_U_PLAT_BITS = 6). 3 digits took 245 KB per series,
     * seven series per job: 0.9 GB to allocate and merge for seed 003's 512 jobs; 2 take 34 KB.
     */
    private static final int DIGITS = 2;

    /**
     * Made by {@link #allocate()} when the job sets up, on its own thread, for the series its
     * workload fills, else at the first value. Not for every series up front: a job fills 3 to 7
     * of them (a read-only job none of its 3 write series, few jobs the fsync one). Not at the
     * first value only: seed 003's 512 jobs then allocated 70 MB of histograms in their first
     * I/Os, and the young collection it set off fell in the run.
     */
    private Histogram histogram;
    private final Moments moments = new Moments();
    /** Whether percentiles are kept (a histogram); else min, max, mean and deviation only. */
    private final boolean percentiles;

    /** A series with percentiles. */
    public LatencyStats() {
        this(true);
    }

    private LatencyStats(boolean percentiles) {
        this.percentiles = percentiles;
    }

    /**
     * A series without percentiles, for what fio reports only as min, max, mean and deviation
     * unless asked (slat without slat_percentiles): no histogram to fill, keep and merge.
     */
    public static LatencyStats momentsOnly() {
        return new LatencyStats(false);
    }

    /** Makes the histogram now (if this series keeps one), so that recording allocates nothing. */
    public void allocate() {
        if (percentiles && histogram == null) {
            histogram = newHistogram();
        }
    }

    /** Records one latency; the first allocates the histogram unless {@link #allocate()} did, the others nothing. */
    public void record(long nanos) {
        if (percentiles) {
            long v = Math.max(1, Math.min(nanos, HIGHEST_NANOS));
            Histogram h = histogram;
            if (h == null) {
                h = histogram = newHistogram();
            }
            h.recordValue(v);
        }
        moments.sample(nanos);
    }

    private static Histogram newHistogram() {
        return new Histogram(1, HIGHEST_NANOS, DIGITS);
    }

    /** Forgets everything (the end of ramp_time). */
    public void reset() {
        if (histogram != null) {
            histogram.reset();
        }
        moments.reset();
    }

    /** Adds another series (group reporting). */
    public void add(LatencyStats other) {
        if (percentiles && other.histogram != null) {
            if (histogram == null) {
                histogram = newHistogram();
            }
            histogram.add(other.histogram);
        }
        moments.add(other.moments);
    }

    /** The number of values. */
    public long count() {
        return moments.samples();
    }

    /** The smallest value, 0 when empty. */
    public long min() {
        return (long) moments.min();
    }

    /** The largest value. */
    public long max() {
        return (long) moments.max();
    }

    /** The mean, 0 when empty. */
    public double mean() {
        return moments.mean();
    }

    /** The sample standard deviation (n-1, as fio), 0 with fewer than two values. */
    public double stddev() {
        return moments.stddev();
    }

    /** The value at a percentile (0..100); 0 for a series without percentiles. */
    public long percentile(double p) {
        return count() == 0 || histogram == null ? 0 : histogram.getValueAtPercentile(p);
    }

    /** The histogram, for plots (an empty one when nothing was recorded). */
    public Histogram histogram() {
        return histogram != null ? histogram : newHistogram();
    }
}
