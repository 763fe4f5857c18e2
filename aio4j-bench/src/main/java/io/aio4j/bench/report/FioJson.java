package io.aio4j.bench.report;

import io.aio4j.bench.run.DepthStats;
import io.aio4j.bench.run.DiskStats;
import io.aio4j.bench.run.DirectionStats;
import io.aio4j.bench.run.JobResult;
import io.aio4j.bench.run.LatencyStats;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report in fio's JSON shape (fio 3.x {@code --output-format=json}): {@code jobs[]} with
 * jobname, groupid, error, job options, read/write/trim each with io_bytes, bw (KiB/s), iops,
 * runtime (ms), slat_ns/clat_ns/lat_ns (min, max, mean, stddev, N, percentile keyed like
 * "99.000000"), bw and iops samples; sync (fsync latency); usr_cpu and sys_cpu. What fio has no
 * field for goes under "aio4j" in each job.
 */
public final class FioJson {
    private FioJson() {
    }

    /** The JSON text of a finished run. */
    public static String write(List<JobResult> results, List<Map.Entry<String, String>> globals) {
        return write(results, globals, DiskStats.Change.NONE, false);
    }

    /**
     * As {@link #write(List, List)}, with the devices' utilisation (fio's disk_util) when there are
     * any. {@code globals}: the global assignments as written (Invocation.writtenGlobals), listed
     * as fio lists them, repeats included.
     */
    public static String write(List<JobResult> results, List<Map.Entry<String, String>> globals, DiskStats.Change disks) {
        return write(results, globals, disks, false);
    }

    /**
     * As {@link #write(List, List, DiskStats.Change)}; with {@code bins} (fio's json+), each
     * percentile map has a "bins" map beside it: latency in ns to the I/Os recorded there, for the
     * values recorded (HdrHistogram's buckets, where fio has its own).
     */
    public static String write(List<JobResult> results, List<Map.Entry<String, String>> globals, DiskStats.Change disks,
            boolean bins) {
        JsonOut j = new JsonOut().begin(null);
        ZonedDateTime now = FioTime.now();
        j.field("fio version", "aio4j-bench-0.1.0");
        j.field("timestamp", now.toEpochSecond());
        j.field("timestamp_ms", now.toInstant().toEpochMilli());
        j.field("time", FioTime.format(now));
        if (!globals.isEmpty()) {
            j.begin("global options");
            globals.forEach(e -> j.field(e.getKey(), e.getValue()));
            j.end();
        }
        j.beginArray("jobs");
        Map<Integer, List<JobResult>> groups = Reported.groups(results);
        long elapsed = elapsedSeconds();
        for (JobResult r : Reported.entries(results)) {
            job(j, r, groups.get(r.spec().groupId()), elapsed, bins);
        }
        j.endArray();
        if (!disks.devices().isEmpty()) {
            j.beginArray("disk_util");
            for (DiskStats.Device d : disks.devices()) {
                j.begin(null);
                j.field("name", d.name());
                j.field("read_ios", d.readIos());
                j.field("write_ios", d.writeIos());
                j.field("read_merges", d.readMerges());
                j.field("write_merges", d.writeMerges());
                j.field("read_ticks", d.readTicks());
                j.field("write_ticks", d.writeTicks());
                j.field("in_queue", d.inQueue());
                j.field("util", d.util(disks.elapsedMillis()));
                j.end();
            }
            j.endArray();
        }
        return j.end().toString();
    }

    /** Whole seconds since the process started, rounded up (fio's elapsed: since its genesis). */
    static long elapsedSeconds() {
        long ms = ProcessHandle.current().info().startInstant()
                .map(t -> java.time.Duration.between(t, java.time.Instant.now()).toMillis())
                .orElseGet(() -> java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime());
        return (Math.max(0, ms) + 999) / 1000;
    }

    private static void job(JsonOut j, JobResult r, List<JobResult> group, long elapsedSeconds, boolean bins) {
        var spec = r.spec();
        j.begin(null);
        j.field("jobname", spec.name());
        j.field("groupid", spec.groupId());
        j.field("error", r.error());
        // fio's run-wide ETA info: no ETA once every job has finished (INT_MAX), and the whole
        // seconds since it started, rounded up (get_jobs_eta)
        j.field("eta", Integer.MAX_VALUE);
        j.field("elapsed", elapsedSeconds);
        j.begin("job options");
        // as fio: the job's own assignments in the order written, repeats included (fio's JSON has
        // repeated keys then), without bare flags and without the globals
        spec.written().forEach(e -> j.field(e.getKey(), e.getValue()));
        j.end();
        direction(j, "read", r.read, r, spec.slatPercentiles(), Reported.aggregateKiBps(group, true), bins);
        direction(j, "write", r.write, r, spec.slatPercentiles(), Reported.aggregateKiBps(group, false), bins);
        direction(j, "trim", new DirectionStats(), r, false, 0, bins);
        j.begin("sync");
        j.field("total_ios", r.sync.count());
        latency(j, "lat_ns", r.sync, spec.percentiles(), bins);
        j.end();
        j.field("job_runtime", r.jobRuntimeNanos() / 1_000_000);
        j.field("usr_cpu", percent(r.cpu().userNanos(), r.cpuWallNanos()));
        j.field("sys_cpu", percent(r.cpu().systemNanos(), r.cpuWallNanos()));
        j.field("ctx", r.cpu().contextSwitches());
        j.field("majf", r.cpu().majorFaults());
        j.field("minf", r.cpu().minorFaults());
        distribution(j, "iodepth_level", DepthStats.LEVEL_KEYS, r.depths.levelPercents());
        distribution(j, "iodepth_submit", DepthStats.BATCH_KEYS, r.depths.submitPercents());
        distribution(j, "iodepth_complete", DepthStats.BATCH_KEYS, r.depths.completePercents());
        for (Map.Entry<String, Map<String, Double>> t : LatencyBuckets.of(r).entrySet()) {
            j.begin("latency_" + t.getKey());
            t.getValue().forEach(j::field);
            j.end();
        }
        // fio's latency_target feature (not supported): its values when the option is not set
        j.field("latency_depth", spec.iodepth());
        j.field("latency_target", 0);
        j.field("latency_percentile", 100.0);
        j.field("latency_window", 0);
        j.begin("aio4j");
        j.field("engine", r.engine());
        j.field("cpu_scope", "process");
        j.field("ramp_ms_including_jvm_warmup", r.spec().rampNanos() / 1_000_000);
        j.field("verify_failures", r.verifyFailures());
        j.field("verified_during_io", r.verifiedDuringIo());
        j.field("verified_after_io", r.verifiedAfterIo());
        if (r.errorMessage() != null) {
            j.field("error_message", r.errorMessage());
        }
        j.end();
        j.end();
    }

    private static void distribution(JsonOut j, String name, String[] keys, double[] percents) {
        j.begin(name);
        for (int i = 0; i < keys.length; i++) {
            j.field(keys[i], percents[i]);
        }
        j.end();
    }

    private static double percent(long cpuNanos, long wallNanos) {
        return wallNanos == 0 ? 0 : 100.0 * cpuNanos / wallNanos;
    }

    private static void direction(JsonOut j, String name, DirectionStats d, JobResult r, boolean slatPercentiles,
            double groupKiBps, boolean bins) {
        var spec = r.spec();
        // as fio: every rate over the runtime in whole ms (rounded up), in fio's integer arithmetic
        long runtimeMillis = d.ios() == 0 ? 0 : Reported.runtimeMillis(r);
        long bwBytes = Reported.bytesPerSecond(d.bytes(), runtimeMillis);
        j.begin(name);
        j.field("io_bytes", d.bytes());
        j.field("io_kbytes", d.bytes() / 1024);
        j.field("bw_bytes", bwBytes);
        j.field("bw", bwBytes / 1024);
        j.field("iops", Reported.iops(d.ios(), runtimeMillis));
        j.field("runtime", runtimeMillis);
        j.field("total_ios", d.ios());
        j.field("short_ios", d.shortIos());
        j.field("drop_ios", 0);
        latency(j, "slat_ns", d.slat, slatPercentiles ? spec.percentiles() : null, bins);
        latency(j, "clat_ns", d.clat, spec.clatPercentiles() ? spec.percentiles() : null, bins);
        latency(j, "lat_ns", d.lat, spec.latPercentiles() ? spec.percentiles() : null, bins);
        j.field("bw_min", Math.round(d.bw.min()));
        j.field("bw_max", Math.round(d.bw.max()));
        j.field("bw_agg", d.bw.samples() == 0 ? 0.0 : Reported.percentOfAggregate(d.bw.mean(), groupKiBps));
        j.field("bw_mean", d.bw.mean());
        j.field("bw_dev", d.bw.stddev());
        j.field("bw_samples", d.bw.samples());
        j.field("iops_min", Math.round(d.iops.min()));
        j.field("iops_max", Math.round(d.iops.max()));
        j.field("iops_mean", d.iops.mean());
        j.field("iops_stddev", d.iops.stddev());
        j.field("iops_samples", d.iops.samples());
        j.end();
    }

    /** A latency block; its percentile map only with {@code percentiles} (null: none asked for). */
    private static void latency(JsonOut j, String name, LatencyStats s, List<Double> percentiles, boolean bins) {
        j.begin(name);
        j.field("min", s.min());
        j.field("max", s.max());
        j.field("mean", s.mean());
        j.field("stddev", s.stddev());
        j.field("N", s.count());
        if (percentiles != null && s.count() > 0) {
            j.begin("percentile");
            for (double p : percentiles) {
                j.field(String.format(Locale.ROOT, "%f", p), s.percentile(p));
            }
            j.end();
            if (bins) {
                j.begin("bins");
                for (org.HdrHistogram.HistogramIterationValue v : s.histogram().recordedValues()) {
                    j.field(Long.toString(v.getValueIteratedTo()), v.getCountAtValueIteratedTo());
                }
                j.end();
            }
        }
        j.end();
    }
}
