package io.aio4j.bench.run;

import org.HdrHistogram.Histogram;

/**
 * One latency series in nanoseconds: an HdrHistogram for percentiles (3 significant digits, up
 * to 10 minutes; longer values count as 10 minutes) and exact min, max, mean and deviation, as
 * fio reports them. Recording allocates nothing. One thread records; others read after it stopped.
 */
public final class LatencyStats {
    private static final long HIGHEST_NANOS = 600_000_000_000L;

    private final Histogram histogram = new Histogram(1, HIGHEST_NANOS, 3);
    private long count;
    private long min = Long.MAX_VALUE;
    private long max;
    private double sum;
    private double sumSquares;

    /** Records one latency. */
    public void record(long nanos) {
        long v = Math.max(1, Math.min(nanos, HIGHEST_NANOS));
        histogram.recordValue(v);
        count++;
        min = Math.min(min, nanos);
        max = Math.max(max, nanos);
        sum += nanos;
        sumSquares += (double) nanos * nanos;
    }

    /** Forgets everything (the end of ramp_time). */
    public void reset() {
        histogram.reset();
        count = 0;
        min = Long.MAX_VALUE;
        max = 0;
        sum = 0;
        sumSquares = 0;
    }

    /** Adds another series (group reporting). */
    public void add(LatencyStats other) {
        histogram.add(other.histogram);
        count += other.count;
        min = Math.min(min, other.min);
        max = Math.max(max, other.max);
        sum += other.sum;
        sumSquares += other.sumSquares;
    }

    /** The number of values. */
    public long count() {
        return count;
    }

    /** The smallest value, 0 when empty. */
    public long min() {
        return count == 0 ? 0 : min;
    }

    /** The largest value. */
    public long max() {
        return max;
    }

    /** The mean, 0 when empty. */
    public double mean() {
        return count == 0 ? 0 : sum / count;
    }

    /** The sample standard deviation (n-1, as fio), 0 with fewer than two values. */
    public double stddev() {
        if (count < 2) {
            return 0;
        }
        double m = sum / count;
        return Math.sqrt(Math.max(0, (sumSquares - count * m * m) / (count - 1)));
    }

    /** The value at a percentile (0..100). */
    public long percentile(double p) {
        return count == 0 ? 0 : histogram.getValueAtPercentile(p);
    }

    /** The histogram, for plots. */
    public Histogram histogram() {
        return histogram;
    }
}
