package io.aio4j.bench.run;

import io.aio4j.bench.options.JobSpec;
import java.util.List;

/**
 * The sum of a group_reporting group, made as its jobs finish: each job's thread adds its result
 * when the job is done, so the report finds the sum made. Summed after the last job instead,
 * seed 003's 512 jobs (2,048 histograms of about 4,300 buckets) took 60-120 ms of the wall
 * time, on two threads, in code not compiled yet; added as they finish, the jobs that finish
 * early pay it while the others still run, and the code is compiled by the last ones.
 *
 * <p>Thread-safe: any job thread adds; the reporter reads after every job thread was joined.
 */
final class GroupSum {
    private final JobResult sum;
    private int added;

    /** An empty sum for the group whose first job is {@code first}. */
    GroupSum(JobSpec first) {
        sum = new JobResult(first);
    }

    /** Adds a finished job's result, once; any thread. */
    synchronized void add(JobResult job) {
        if (job.groupSum != null) {
            return;
        }
        job.groupSum = this;
        sum.add(job);
        added++;
    }

    /**
     * The sum, if it is exactly of {@code jobs} (every one added, none other), else null. What
     * depends on job order is taken in that order: engine and start of the first, the first error,
     * and the CPU time of the first longest job, read now, since a wave gives its jobs their CPU
     * time after they finished (BenchRun's WaveCpu).
     */
    synchronized JobResult of(List<JobResult> jobs) {
        if (jobs.size() != added) {
            return null;
        }
        for (JobResult j : jobs) {
            if (j.groupSum != this) {
                return null;
            }
        }
        JobResult first = jobs.getFirst();
        sum.engine = first.engine;
        sum.startMillis = first.startMillis;
        sum.error = 0;
        sum.errorMessage = null;
        JobResult longest = first;
        for (JobResult j : jobs) {
            sum.fail(j.error, j.errorMessage);
            if (j.runtimeNanos > longest.runtimeNanos) {
                longest = j;
            }
        }
        sum.cpu = longest.cpu;
        sum.cpuWallNanos = longest.cpuWallNanos;
        return sum;
    }
}
