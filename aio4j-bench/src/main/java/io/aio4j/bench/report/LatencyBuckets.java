package io.aio4j.bench.report;

import io.aio4j.bench.run.JobResult;
import io.aio4j.bench.run.LatencyStats;
import java.util.LinkedHashMap;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * fio's latency distribution: the percentage of I/Os (reads and writes together, by completion
 * latency, as fio's io_u_mark_latency counts them: from the submit to the reap, not from the
 * preparation) in each bucket of its latency_ns, latency_us and latency_ms tables. A key is the
 * bucket's exclusive upper bound in that unit; the previous key (or the unit's start) its lower.
 */
final class LatencyBuckets {
    static final String[] KEYS = {"2", "4", "10", "20", "50", "100", "250", "500", "750", "1000"};
    static final String[] MS_KEYS = {"2", "4", "10", "20", "50", "100", "250", "500", "750", "1000", "2000", ">=2000"};

    private LatencyBuckets() {
    }

    /** Each table's first value in ns (a table counts values from there). */
    private static final long[] STARTS = {0, 1_000, 1_000_000};
    /** Each table's exclusive upper bounds in ns, in key order (">=2000" takes everything left). */
    private static final long[][] BOUNDS = {bounds(KEYS, 1), bounds(KEYS, 1_000), bounds(MS_KEYS, 1_000_000)};
    private static final String[] TABLES = {"ns", "us", "ms"};
    private static final String[][] TABLE_KEYS = {KEYS, KEYS, MS_KEYS};

    private static long[] bounds(String[] keys, long unit) {
        long[] b = new long[keys.length];
        for (int k = 0; k < keys.length; k++) {
            b[k] = keys[k].startsWith(">=") ? Long.MAX_VALUE : Long.parseLong(keys[k]) * unit;
        }
        return b;
    }

    /** The three tables, keyed "ns", "us" and "ms", each from key to percentage. */
    static Map<String, Map<String, Double>> of(JobResult r) {
        long[][] counts = new long[TABLES.length][];
        for (int t = 0; t < TABLES.length; t++) {
            counts[t] = new long[TABLE_KEYS[t].length];
        }
        // reads and writes counted straight from their histograms, in one pass each (merging them
        // first and walking the result once per table took 13-16 ms of the report, cold)
        long total = count(r.read.clat, counts) + count(r.write.clat, counts);
        Map<String, Map<String, Double>> out = new LinkedHashMap<>();
        for (int t = 0; t < TABLES.length; t++) {
            String[] keys = TABLE_KEYS[t];
            Map<String, Double> m = new LinkedHashMap<>();
            for (int k = 0; k < keys.length; k++) {
                double pct = total == 0 ? 0.0 : 100.0 * counts[t][k] / total;
                // fio's stat_calc_lat: a bucket with any I/O shows at least 0.01
                m.put(keys[k], counts[t][k] > 0 && pct < 0.01 ? 0.01 : pct);
            }
            out.put(TABLES[t], m);
        }
        return out;
    }

    /** Adds each recorded value of {@code s}, at the middle of its histogram bucket, to the tables; returns how many. */
    private static long count(LatencyStats s, long[][] counts) {
        if (s.count() == 0) {
            return 0;
        }
        Histogram h = s.histogram();
        for (HistogramIterationValue v : h.recordedValues()) {
            long nanos = h.medianEquivalentValue(v.getValueIteratedTo());
            long n = v.getCountAtValueIteratedTo();
            for (int t = 0; t < TABLES.length; t++) {
                if (nanos < STARTS[t]) {
                    continue;
                }
                long[] b = BOUNDS[t];
                for (int k = 0; k < b.length; k++) {
                    if (nanos < b[k]) {
                        counts[t][k] += n;
                        break;
                    }
                }
            }
        }
        return h.getTotalCount();
    }
}
