package io.aio4j.bench.compare;

import io.aio4j.bench.run.JobResult;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The default comparison's table: engine, IOPS, MB/s, p50/p99/p99.9 latency, CPU per I/O. */
final class ComparisonTable {
    private ComparisonTable() {
    }

    static String format(List<DefaultComparison.Row> rows, Map<String, String> job) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%naio4j bench: rw=%s bs=%s iodepth=%s size=%s runtime=%ss%n", job.get("rw"),
                job.get("bs"), job.get("iodepth"), job.get("size"), job.get("runtime")));
        b.append(String.format(Locale.ROOT, "%-7s %-11s %10s %9s %9s %9s %10s %12s%n", "mode", "engine", "IOPS", "MB/s",
                "p50 us", "p99 us", "p99.9 us", "CPU us/IO"));
        for (DefaultComparison.Row row : rows) {
            JobResult r = row.result();
            double secs = r.runtimeNanos() / 1e9;
            long ios = r.read.ios() + r.write.ios();
            var lat = r.read.ios() >= r.write.ios() ? r.read.lat : r.write.lat;
            b.append(String.format(Locale.ROOT, "%-7s %-11s %10.0f %9.1f %9.1f %9.1f %10.1f %12.2f%n", row.mode(),
                    row.engine(), secs == 0 ? 0 : ios / secs, secs == 0 ? 0 : (r.read.bytes() + r.write.bytes()) / 1e6 / secs,
                    lat.percentile(50) / 1e3, lat.percentile(99) / 1e3, lat.percentile(99.9) / 1e3,
                    ios == 0 ? 0 : r.cpu().totalNanos() / 1e3 / ios));
        }
        b.append("(latency: lat, submit to reap; CPU: the whole process, all threads, per I/O)\n");
        return b.toString();
    }
}
