package io.aio4j.bench.run;

import io.aio4j.bench.options.JobSpec;
import java.util.List;

/**
 * The figures of one finished job (or of a reporting group, summed). Filled by the job's thread,
 * read by the reporters after that thread has been joined.
 */
public final class JobResult {
    private final JobSpec spec;
    /** Reads. */
    public final DirectionStats read;
    /** Writes. */
    public final DirectionStats write;
    /** fsync latencies (fio's "sync" lat_ns). */
    public final LatencyStats sync = new LatencyStats();
    /** Queue depths, submit and reap batch sizes (fio's IO depths, submit and complete lines). */
    public final DepthStats depths = new DepthStats();
    String engine = "";
    long runtimeNanos;
    /** Whether this is a sum of jobs, and the sum of their runtimes (see {@link #jobRuntimeNanos()}). */
    private boolean summed;
    private long jobRuntimeSumNanos;
    /** The group sum this job's result was added to, once it has been; null before and outside groups. */
    GroupSum groupSum;
    long startMillis;
    CpuTimes cpu = new CpuTimes(0, 0, 0);
    /** The wall time that {@link #cpu} covers: the job's measured time, or the wave's (see BenchRun). */
    long cpuWallNanos;
    int error;
    String errorMessage;
    long verifyFailures;
    long verifiedDuringIo;
    long verifiedAfterIo;

    /** A result for {@code spec}, empty. */
    public JobResult(JobSpec spec) {
        this.spec = spec;
        read = new DirectionStats(spec.slatPercentiles(), spec.latPercentiles());
        write = new DirectionStats(spec.slatPercentiles(), spec.latPercentiles());
    }

    /** The job. */
    public JobSpec spec() {
        return spec;
    }

    /** What ran it (engine, flags, downgrades). */
    public String engine() {
        return engine;
    }

    /** The measured time, after ramp_time, in nanoseconds. */
    public long runtimeNanos() {
        return runtimeNanos;
    }

    /**
     * fio's job_runtime: a job's measured time, and for a sum of jobs the sum of theirs (fio adds
     * them, while each direction's runtime is the longest job's).
     */
    public long jobRuntimeNanos() {
        return summed ? jobRuntimeSumNanos : runtimeNanos;
    }

    /** The wall-clock start, epoch milliseconds. */
    public long startMillis() {
        return startMillis;
    }

    /** The process CPU time over {@link #cpuWallNanos()}. */
    public CpuTimes cpu() {
        return cpu;
    }

    /**
     * The wall time over which {@link #cpu()} was taken, for usr/sys percentages: the job's measured
     * time, or for a group_reporting group the whole wave from its start line to its last job.
     */
    public long cpuWallNanos() {
        return cpuWallNanos;
    }

    /** The errno that stopped the job (fio's "error"), 0 if none. */
    public int error() {
        return error;
    }

    /** What went wrong, or null. */
    public String errorMessage() {
        return errorMessage;
    }

    /** Blocks that failed verification. */
    public long verifyFailures() {
        return verifyFailures;
    }

    /** Reads checked by verify=crc32c during the I/O phase (a read job's reads; a mixed job's reads of known blocks). */
    public long verifiedDuringIo() {
        return verifiedDuringIo;
    }

    /** Reads checked by verify=crc32c in the verify phase, after the I/O phase. */
    public long verifiedAfterIo() {
        return verifiedAfterIo;
    }

    /** Records a failure; the first one is kept. */
    void fail(int errno, String message) {
        if (error == 0) {
            error = errno;
            errorMessage = message;
        }
    }

    /**
     * The sum of several jobs for group reporting: I/O and latencies added, runtime and CPU of
     * the longest job (they ran side by side), job runtimes added (fio's job_runtime), named after
     * the first. The sum the jobs' threads made as they finished ({@link GroupSum}) when they did.
     */
    public static JobResult sum(List<JobResult> jobs) {
        GroupSum made = jobs.getFirst().groupSum;
        JobResult s = made == null ? null : made.of(jobs);
        if (s != null) {
            return s;
        }
        s = new JobResult(jobs.getFirst().spec);
        s.engine = jobs.getFirst().engine;
        s.startMillis = jobs.getFirst().startMillis;
        for (JobResult j : jobs) {
            s.add(j);
        }
        return s;
    }

    void add(JobResult j) {
        summed = true;
        jobRuntimeSumNanos += j.jobRuntimeNanos();
        read.add(j.read);
        write.add(j.write);
        sync.add(j.sync);
        depths.add(j.depths);
        if (j.runtimeNanos > runtimeNanos) {
            runtimeNanos = j.runtimeNanos;
            cpu = j.cpu;
            cpuWallNanos = j.cpuWallNanos;
        }
        fail(j.error, j.errorMessage);
        verifyFailures += j.verifyFailures;
        verifiedDuringIo += j.verifiedDuringIo;
        verifiedAfterIo += j.verifiedAfterIo;
    }
}
