package io.aio4j.bench.options;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One job clone, resolved and validated: what the runner does. Sizes in bytes, times in ns.
 *
 * @param name the job name
 * @param jobNumber the clone number, 0..numjobs-1
 * @param groupId fio's reporting group
 * @param waitsForPrevious whether it starts only after every earlier job has finished (stonewall)
 * @param file the file it works on
 * @param size the bytes of the file it covers (0: the file's current size, less the offset)
 * @param offset where in the file its region starts (fio's offset, in bytes)
 * @param workload rw=
 * @param rwmixread the percentage of reads in a mixed workload
 * @param blockSize bs=
 * @param iodepth requests kept in flight
 * @param batchSubmit requests per submit call (1..iodepth)
 * @param batchCompleteMin completions waited for per reap (0..iodepth)
 * @param batchCompleteMax most completions taken per reap (1..iodepth; fio's default: batchCompleteMin)
 * @param direct O_DIRECT
 * @param engine the engine
 * @param runtimeNanos stop after this long; 0 for no limit
 * @param timeBased repeat the workload until the runtime is over
 * @param rampNanos run this long before recording (ramp_time plus the JVM warm-up)
 * @param warmupNanos the JVM warm-up's share of {@code rampNanos} (see JobSpecs.DEFAULT_WARMUP_NANOS)
 * @param invalidate drop the page cache of the file first
 * @param fsyncEvery fsync after this many writes; 0 for never
 * @param verify crc32c-verify the data
 * @param doVerify read back and check what was written, after the write phase
 * @param groupReporting report the group as a whole
 * @param slatPercentiles report submission latency percentiles
 * @param clatPercentiles report completion latency percentiles
 * @param latPercentiles report total latency percentiles
 * @param loops how many times to do a non-time-based workload
 * @param randrepeat the same random sequence on every run
 * @param percentiles the percentiles reported, ascending (percentile_list; fio's default list if unset)
 * @param ioSize bytes of I/O per loop (io_size/io_limit; 0: the region's size)
 * @param numberIos at most this many reads and writes per loop (number_ios; 0: no cap)
 * @param noRandomMap random offsets drawn with repeats, not each block once per pass (norandommap)
 * @param gtodReduce no per-I/O latencies and no bw/iops samples (fio's gtod_reduce)
 * @param unlink delete the job's file when the job is done (a regular file only)
 * @param endFsync fsync the file once the job's I/O is done, inside its runtime (end_fsync,
 *     fsync_on_close), not counted among its syncs, as fio
 * @param options the job's options, inherited ones included (canonical name to checked value)
 * @param written the job's own assignments as fio lists them under "job options" ({@link Section#written})
 */
public record JobSpec(String name, int jobNumber, int groupId, boolean waitsForPrevious, Path file, long size,
        long offset, Workload workload, int rwmixread, int blockSize, int iodepth, int batchSubmit, int batchCompleteMin,
        int batchCompleteMax, boolean direct, IoEngine engine, long runtimeNanos, boolean timeBased, long rampNanos,
        long warmupNanos, boolean invalidate, int fsyncEvery, boolean verify, boolean doVerify, boolean groupReporting,
        boolean slatPercentiles, boolean clatPercentiles, boolean latPercentiles, int loops, boolean randrepeat,
        List<Double> percentiles, long ioSize, long numberIos, boolean noRandomMap, boolean gtodReduce, boolean unlink,
        boolean endFsync, Map<String, String> options, List<Map.Entry<String, String>> written) {

    /** Copies the options. */
    public JobSpec {
        percentiles = List.copyOf(percentiles);
        options = Map.copyOf(options);
        written = List.copyOf(written);
    }

    /** This job on {@code file} from its start: the JIT warm-up's scratch file (BenchRun), whatever the job's offset. */
    public JobSpec onScratchFile(Path file) {
        return copy(jobNumber, file, 0);
    }

    /** Clone {@code jobNumber} of this job (numjobs), on {@code file}; only the first clone waits at a stonewall. */
    public JobSpec numbered(int jobNumber, Path file) {
        return copy(jobNumber, file, offset);
    }

    /** This job as clone {@code jobNumber} on {@code file} at {@code offset}, waiting for no stonewall. */
    private JobSpec copy(int jobNumber, Path file, long offset) {
        return new JobSpec(name, jobNumber, groupId, false, file, size, offset, workload, rwmixread, blockSize, iodepth,
                batchSubmit, batchCompleteMin, batchCompleteMax, direct, engine, runtimeNanos, timeBased, rampNanos,
                warmupNanos, invalidate, fsyncEvery, verify, doVerify, groupReporting, slatPercentiles, clatPercentiles,
                latPercentiles, loops, randrepeat, percentiles, ioSize, numberIos, noRandomMap, gtodReduce, unlink, endFsync,
                options, written);
    }
}
