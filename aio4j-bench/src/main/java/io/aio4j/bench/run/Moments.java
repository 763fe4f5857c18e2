package io.aio4j.bench.run;

/**
 * Running count, min, max, mean and sample deviation (n-1, as fio) of a series: fio's bw and iops
 * samples (one per 500 ms), and the exact moments of a latency series. Allocates nothing.
 */
public final class Moments {
    private long samples;
    private double min = Double.MAX_VALUE;
    private double max;
    private double sum;
    private double sumSquares;

    /** Adds a sample. */
    public void sample(double v) {
        samples++;
        min = Math.min(min, v);
        max = Math.max(max, v);
        sum += v;
        sumSquares += v * v;
    }

    /** Adds another series (group reporting). */
    public void add(Moments o) {
        samples += o.samples;
        min = Math.min(min, o.min);
        max = Math.max(max, o.max);
        sum += o.sum;
        sumSquares += o.sumSquares;
    }

    /** Forgets everything. */
    public void reset() {
        samples = 0;
        min = Double.MAX_VALUE;
        max = 0;
        sum = 0;
        sumSquares = 0;
    }

    /** The number of samples. */
    public long samples() {
        return samples;
    }

    /** The smallest sample, 0 when none. */
    public double min() {
        return samples == 0 ? 0 : min;
    }

    /** The largest sample. */
    public double max() {
        return max;
    }

    /** The mean, 0 when none. */
    public double mean() {
        return samples == 0 ? 0 : sum / samples;
    }

    /** The sample standard deviation. */
    public double stddev() {
        if (samples < 2) {
            return 0;
        }
        double m = sum / samples;
        return Math.sqrt(Math.max(0, (sumSquares - samples * m * m) / (samples - 1)));
    }
}
