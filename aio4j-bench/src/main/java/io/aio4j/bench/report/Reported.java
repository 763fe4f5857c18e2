package io.aio4j.bench.report;

import io.aio4j.bench.run.JobResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What fio reports: each job, or, for a group with group_reporting, the group summed as one. */
public final class Reported {
    private Reported() {
    }

    /** The entries of the report, in job order. */
    public static List<JobResult> entries(List<JobResult> results) {
        Map<Integer, List<JobResult>> groups = new LinkedHashMap<>();
        for (JobResult r : results) {
            groups.computeIfAbsent(r.spec().groupId(), g -> new ArrayList<>()).add(r);
        }
        List<JobResult> out = new ArrayList<>();
        for (List<JobResult> g : groups.values()) {
            if (g.stream().anyMatch(r -> r.spec().groupReporting())) {
                out.add(JobResult.sum(g));
            } else {
                out.addAll(g);
            }
        }
        return out;
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
