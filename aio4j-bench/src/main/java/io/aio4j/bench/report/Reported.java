package io.aio4j.bench.report;

import io.aio4j.bench.options.JobSpec;
import io.aio4j.bench.options.JobSpecs;
import io.aio4j.bench.run.JobResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What fio reports: each job, or, for a group with group_reporting, the group summed as one. */
public final class Reported {
    private Reported() {
    }

    /** The entries of the report, in job order. */
    public static List<JobResult> entries(List<JobResult> results) {
        List<JobSpec> specs = new ArrayList<>(results.size());
        for (JobResult r : results) {
            specs.add(r.spec());
        }
        Set<Integer> summed = JobSpecs.summedGroups(specs);
        List<JobResult> out = new ArrayList<>();
        for (List<JobResult> g : groups(results).values()) {
            if (summed.contains(g.getFirst().spec().groupId())) {
                out.add(JobResult.sum(g));
            } else {
                out.addAll(g);
            }
        }
        return out;
    }

    /**
     * A group's aggregate bandwidth in one direction, KiB/s, as fio's run stats: the bytes of
     * every job over the longest job's runtime (0 when none moved any).
     */
    static double aggregateKiBps(List<JobResult> group, boolean read) {
        long bytes = 0;
        long longest = 0;
        for (JobResult r : group) {
            var d = read ? r.read : r.write;
            if (d.ios() > 0) {
                bytes += d.bytes();
                longest = Math.max(longest, runtimeMillis(r));
            }
        }
        return longest == 0 ? 0 : bytesPerSecond(bytes, longest) / 1024.0;
    }

    /**
     * A job's runtime as fio reports it and computes every rate from: whole milliseconds, its
     * microseconds rounded up (fio's update_runtime), so at least 1 for a job that ran at all.
     */
    public static long runtimeMillis(JobResult r) {
        return (r.runtimeNanos() / 1_000 + 999) / 1_000;
    }

    /** fio's bw_bytes: bytes per second over a runtime in whole ms, in integers as fio (0 without runtime). */
    public static long bytesPerSecond(long bytes, long runtimeMillis) {
        return runtimeMillis == 0 ? 0 : bytes * 1000 / runtimeMillis;
    }

    /** fio's iops: I/Os per second over a runtime in whole ms (0 without runtime). */
    public static double iops(long ios, long runtimeMillis) {
        return runtimeMillis == 0 ? 0 : 1000.0 * ios / runtimeMillis;
    }

    /**
     * fio's "per" (bw_agg): a job's mean sampled bandwidth as a share of its group's aggregate, in
     * percent, at most 100 (100 when the group moved nothing).
     */
    static double percentOfAggregate(double meanKiBps, double aggregateKiBps) {
        return aggregateKiBps <= 0 ? 100.0 : Math.min(100.0, meanKiBps * 100.0 / aggregateKiBps);
    }

    /** The jobs of each reporting group, for fio's "Run status group" lines. */
    public static Map<Integer, List<JobResult>> groups(List<JobResult> results) {
        Map<Integer, List<JobResult>> groups = new LinkedHashMap<>();
        for (JobResult r : results) {
            groups.computeIfAbsent(r.spec().groupId(), g -> new ArrayList<>()).add(r);
        }
        return groups;
    }
}
