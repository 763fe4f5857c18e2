package io.aio4j.bench.run;

/**
 * fio's queue-depth distributions (its io_u_map, io_u_submit and io_u_complete): at each commit,
 * how many requests were held (in flight plus those being submitted), weighted by the requests
 * committed; how many each submit call took; how many each reap returned. Buckets as fio's:
 * levels 1, 2-3, 4-7, 8-15, 16-31, 32-63, 64+ (keys "1" to ">=64"), batch sizes 0, 1-4, 5-8,
 * 9-16, 17-32, 33-64, 65+ (keys "0" to ">=64"). One thread records; plain counters.
 */
public final class DepthStats {
    /** The keys of the level buckets, as fio's JSON names them. */
    public static final String[] LEVEL_KEYS = {"1", "2", "4", "8", "16", "32", ">=64"};
    /** The keys of the submit and complete buckets. */
    public static final String[] BATCH_KEYS = {"0", "4", "8", "16", "32", "64", ">=64"};

    final long[] level = new long[7];
    final long[] submit = new long[7];
    final long[] complete = new long[7];
    long levelTotal;
    long submitCalls;
    long reapCalls;

    /** {@code n} requests committed while {@code held} were held (fio's cur_depth, the new ones included). */
    void committed(int held, int n) {
        level[levelBucket(held)] += n;
        levelTotal += n;
    }

    /** A submit call that took {@code n} requests. */
    void submitted(int n) {
        submit[batchBucket(n)]++;
        submitCalls++;
    }

    /** A reap that returned {@code n} completions. */
    void reaped(int n) {
        complete[batchBucket(n)]++;
        reapCalls++;
    }

    void reset() {
        java.util.Arrays.fill(level, 0);
        java.util.Arrays.fill(submit, 0);
        java.util.Arrays.fill(complete, 0);
        levelTotal = 0;
        submitCalls = 0;
        reapCalls = 0;
    }

    void add(DepthStats o) {
        for (int i = 0; i < 7; i++) {
            level[i] += o.level[i];
            submit[i] += o.submit[i];
            complete[i] += o.complete[i];
        }
        levelTotal += o.levelTotal;
        submitCalls += o.submitCalls;
        reapCalls += o.reapCalls;
    }

    /** The level distribution in percent, bucket by bucket ({@link #LEVEL_KEYS}). */
    public double[] levelPercents() {
        return percents(level, levelTotal);
    }

    /** The submit-batch distribution in percent ({@link #BATCH_KEYS}). */
    public double[] submitPercents() {
        return percents(submit, submitCalls);
    }

    /** The reap-batch distribution in percent ({@link #BATCH_KEYS}). */
    public double[] completePercents() {
        return percents(complete, reapCalls);
    }

    /** As fio's stat_calc_dist: a bucket with any count shows at least 0.1. */
    private static double[] percents(long[] counts, long total) {
        double[] p = new double[counts.length];
        for (int i = 0; i < counts.length; i++) {
            p[i] = total == 0 ? 0 : 100.0 * counts[i] / total;
            if (counts[i] > 0 && p[i] < 0.1) {
                p[i] = 0.1;
            }
        }
        return p;
    }

    static int levelBucket(int held) {
        if (held >= 64) {
            return 6;
        }
        return held < 2 ? 0 : Math.min(6, 31 - Integer.numberOfLeadingZeros(held));
    }

    static int batchBucket(int n) {
        if (n <= 0) {
            return 0;
        }
        if (n <= 4) {
            return 1;
        }
        return n > 64 ? 6 : 32 - Integer.numberOfLeadingZeros(n - 1) - 1;
    }
}
