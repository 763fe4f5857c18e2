package io.aio4j.bench.report;

import io.aio4j.bench.run.JobResult;
import io.aio4j.bench.run.LatencyStats;
import java.util.LinkedHashMap;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * fio's latency distribution: the percentage of I/Os (reads and writes together, by total
 * latency) in each bucket of its latency_ns, latency_us and latency_ms tables. A key is the
 * bucket's exclusive upper bound in that unit; the previous key (or the unit's start) its lower.
 */
final class LatencyBuckets {
    static final String[] KEYS = {"2", "4", "10", "20", "50", "100", "250", "500", "750", "1000"};
    static final String[] MS_KEYS = {"2", "4", "10", "20", "50", "100", "250", "500", "750", "1000", "2000", ">=2000"};

    private LatencyBuckets() {
    }

    /** The three tables, keyed "ns", "us" and "ms", each from key to percentage. */
    static Map<String, Map<String, Double>> of(JobResult r) {
        LatencyStats all = new LatencyStats();
        all.add(r.read.lat);
        all.add(r.write.lat);
        Map<String, Map<String, Double>> out = new LinkedHashMap<>();
        out.put("ns", table(all, KEYS, 1, 0));
        out.put("us", table(all, KEYS, 1_000, 1_000));
        out.put("ms", table(all, MS_KEYS, 1_000_000, 1_000_000));
        return out;
    }

    private static Map<String, Double> table(LatencyStats s, String[] keys, long unit, long start) {
        long[] counts = new long[keys.length];
        Histogram h = s.histogram();
        long total = h.getTotalCount();
        // each recorded value counts once, at the middle of its histogram bucket
        for (HistogramIterationValue v : h.recordedValues()) {
            long nanos = h.medianEquivalentValue(v.getValueIteratedTo());
            if (nanos < start) {
                continue;
            }
            for (int k = 0; k < keys.length; k++) {
                if (keys[k].startsWith(">=") || nanos < Long.parseLong(keys[k]) * unit) {
                    counts[k] += v.getCountAtValueIteratedTo();
                    break;
                }
            }
        }
        Map<String, Double> m = new LinkedHashMap<>();
        for (int k = 0; k < keys.length; k++) {
            m.put(keys[k], total == 0 ? 0.0 : 100.0 * counts[k] / total);
        }
        return m;
    }
}
