package io.aio4j.bench.report;

import io.aio4j.bench.options.JobSpec;
import io.aio4j.bench.run.DepthStats;
import io.aio4j.bench.run.DiskStats;
import io.aio4j.bench.run.DirectionStats;
import io.aio4j.bench.run.JobResult;
import io.aio4j.bench.run.LatencyStats;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The report in the layout of fio's normal output. */
public final class NormalReport {
    private NormalReport() {
    }

    /** The header fio prints for a job before it starts. */
    public static String header(JobSpec s) {
        // fio 3.x names the trim block size too
        return String.format(Locale.ROOT, "%s: (g=%d): rw=%s, bs=(R) %dB-%dB, (W) %dB-%dB, (T) %dB-%dB, ioengine=%s, iodepth=%d%n",
                s.name(), s.groupId(), s.workload().fioName(), s.blockSize(), s.blockSize(), s.blockSize(), s.blockSize(),
                s.blockSize(), s.blockSize(), s.engine().fioName(), s.iodepth());
    }

    /** The report of a finished run. */
    public static String write(List<JobResult> results) {
        return write(results, DiskStats.Change.NONE);
    }

    /** As {@link #write(List)}, ending with fio's "Disk stats" when the files are on block devices. */
    public static String write(List<JobResult> results, DiskStats.Change disks) {
        StringBuilder b = new StringBuilder();
        Map<Integer, List<JobResult>> groups = Reported.groups(results);
        List<JobResult> entries = Reported.entries(results);
        // fio builds each "Run status group" line from what it reported: with group_reporting the
        // group summed as one job, whose runtime is the longest job's, so min and max coincide
        Map<Integer, List<JobResult>> reported = Reported.groups(entries);
        for (JobResult r : entries) {
            job(b, r, groups.get(r.spec().groupId()));
        }
        for (Map.Entry<Integer, List<JobResult>> g : reported.entrySet()) {
            b.append(String.format(Locale.ROOT, "%nRun status group %d (all jobs):%n", g.getKey()));
            groupLine(b, "READ", g.getValue(), true);
            groupLine(b, "WRITE", g.getValue(), false);
        }
        if (!disks.devices().isEmpty()) {
            b.append("\nDisk stats (read/write):\n");
            for (DiskStats.Device d : disks.devices()) {
                b.append(String.format(Locale.ROOT, "  %s: ios=%d/%d, merge=%d/%d, ticks=%d/%d, in_queue=%d, util=%.2f%%%n",
                        d.name(), d.readIos(), d.writeIos(), d.readMerges(), d.writeMerges(), d.readTicks(), d.writeTicks(),
                        d.inQueue(), d.util(disks.elapsedMillis())));
            }
        }
        return b.toString();
    }

    /** fio's "IO depths" style line: key=percent%, one decimal. */
    private static void distributionLine(StringBuilder b, String head, String[] keys, double[] percents) {
        b.append(head);
        for (int i = 0; i < keys.length; i++) {
            b.append(i == 0 ? "" : ", ").append(keys[i]).append('=').append(String.format(Locale.ROOT, "%.1f%%", percents[i]));
        }
        b.append('\n');
    }

    /** One latency table as fio's show_lat prints it: the buckets with any I/O, five to a line. */
    private static void latencyTable(StringBuilder b, String unit, Map<String, Double> table) {
        int onLine = 0;
        for (Map.Entry<String, Double> e : table.entrySet()) {
            if (e.getValue() <= 0) {
                continue;
            }
            if (onLine == 5) {
                b.append('\n');
                onLine = 0;
            }
            b.append(onLine == 0 ? "  lat (" + unit + ")   : " : ", ").append(e.getKey()).append('=')
                    .append(String.format(Locale.ROOT, "%.2f%%", e.getValue()));
            onLine++;
        }
        if (onLine > 0) {
            b.append('\n');
        }
    }

    private static void job(StringBuilder b, JobResult r, List<JobResult> group) {
        int jobs = group.size();
        JobSpec s = r.spec();
        String when = FioTime.format(r.startMillis());
        // fio's "pid=" is the job's process (its thread's id with --thread); every aio4j job is a
        // thread of this process. What ran the job gets a line of its own (engine).
        b.append(String.format(Locale.ROOT, "%s: (groupid=%d, jobs=%d): err=%2d: pid=%d: %s%n", s.name(), s.groupId(),
                s.groupReporting() ? jobs : 1, r.error(), ProcessHandle.current().pid(), when));
        if (r.errorMessage() != null) {
            b.append("  error: ").append(r.errorMessage()).append('\n');
        }
        direction(b, "read", r.read, r, Reported.aggregateKiBps(group, true));
        direction(b, "write", r.write, r, Reported.aggregateKiBps(group, false));
        for (Map.Entry<String, Map<String, Double>> t : LatencyBuckets.of(r).entrySet()) {
            latencyTable(b, t.getKey().equals("ns") ? "nsec" : t.getKey().equals("us") ? "usec" : "msec", t.getValue());
        }
        if (r.sync.count() > 0) {
            b.append("  fsync/fdatasync/sync_file_range:\n");
            latencyLine(b, "    sync", r.sync);
            percentiles(b, "    sync", r.sync, r.spec().percentiles());
        }
        double secs = r.cpuWallNanos() / 1e9;
        b.append(String.format(Locale.ROOT, "  cpu          : usr=%.2f%%, sys=%.2f%%, ctx=%d, majf=%d, minf=%d (whole process)%n",
                secs == 0 ? 0 : r.cpu().userNanos() / 1e7 / secs, secs == 0 ? 0 : r.cpu().systemNanos() / 1e7 / secs,
                r.cpu().contextSwitches(), r.cpu().majorFaults(), r.cpu().minorFaults()));
        long ios = r.read.ios() + r.write.ios() + r.sync.count();
        if (ios > 0) {
            b.append(String.format(Locale.ROOT, "  cpu per I/O  : %.2f usec%n", r.cpu().totalNanos() / 1e3 / ios));
        }
        if (r.engine() != null && !r.engine().isEmpty()) {
            b.append("  engine       : ").append(r.engine()).append('\n');
        }
        distributionLine(b, "  IO depths    : ", DepthStats.LEVEL_KEYS, r.depths.levelPercents());
        distributionLine(b, "     submit    : ", DepthStats.BATCH_KEYS, r.depths.submitPercents());
        distributionLine(b, "     complete  : ", DepthStats.BATCH_KEYS, r.depths.completePercents());
        b.append(String.format(Locale.ROOT, "     issued rwts: total=%d,%d,0,%d short=%d,%d,0,0 dropped=0,0,0,0%n", r.read.ios(),
                r.write.ios(), r.sync.count(), r.read.shortIos(), r.write.shortIos()));
        b.append(String.format(Locale.ROOT, "     latency   : target=0, window=0, percentile=100.00%%, depth=%d%n", s.iodepth()));
        if (s.verify()) {
            b.append(String.format(Locale.ROOT, "  verify       : %d reads checked during the I/O phase, %d in the verify phase,"
                    + " %d failures%n", r.verifiedDuringIo(), r.verifiedAfterIo(), r.verifyFailures()));
        }
    }

    private static void direction(StringBuilder b, String name, DirectionStats d, JobResult r, double groupKiBps) {
        if (d.ios() == 0) {
            return;
        }
        // rates over the runtime in whole ms, as fio's (Reported.runtimeMillis)
        long ms = Reported.runtimeMillis(r);
        double bw = Reported.bytesPerSecond(d.bytes(), ms);
        // fio 3.x ends the write line with its zoned-device counter
        b.append(String.format(Locale.ROOT, "  %s: IOPS=%s, BW=%s/s (%s/s)(%s/%dmsec)%s%n", name, Human.count(Reported.iops(d.ios(), ms)),
                Human.iec(bw), Human.si(bw), Human.iec(d.bytes()), ms, name.equals("write") ? "; 0 zone resets" : ""));
        latencyLine(b, "    slat", d.slat);
        latencyLine(b, "    clat", d.clat);
        latencyLine(b, "     lat", d.lat);
        if (r.spec().slatPercentiles()) {
            percentiles(b, "    slat", d.slat, r.spec().percentiles());
        }
        if (r.spec().clatPercentiles()) {
            percentiles(b, "    clat", d.clat, r.spec().percentiles());
        }
        if (r.spec().latPercentiles()) {
            percentiles(b, "     lat", d.lat, r.spec().percentiles());
        }
        // as fio's show_ddir_status: only with samples (a job shorter than one sampling period has none)
        if (d.bw.samples() > 0) {
            b.append(String.format(Locale.ROOT, "   bw (  KiB/s): min=%5d, max=%5d, per=%3.2f%%, avg=%5.02f, stdev=%5.02f, samples=%d%n",
                    Math.round(d.bw.min()), Math.round(d.bw.max()), Reported.percentOfAggregate(d.bw.mean(), groupKiBps),
                    d.bw.mean(), d.bw.stddev(), d.bw.samples()));
        }
        if (d.iops.samples() > 0) {
            b.append(String.format(Locale.ROOT, "   iops        : min=%5d, max=%5d, avg=%5.02f, stdev=%5.02f, samples=%d%n",
                    Math.round(d.iops.min()), Math.round(d.iops.max()), d.iops.mean(), d.iops.stddev(), d.iops.samples()));
        }
    }

    /** fio's "slat (nsec): min=..." line; none without samples (fio's calc_lat), as slat with psync. */
    private static void latencyLine(StringBuilder b, String label, LatencyStats s) {
        if (s.count() == 0) {
            return;
        }
        int sc = Human.latencyScale(s.min(), s.max());
        b.append(String.format(Locale.ROOT, "%s (%s): min=%d, max=%d, avg=%.2f, stdev=%.2f%n", label, Human.scaleName(sc),
                Math.round(Human.scaleDown(s.min(), sc)), Math.round(Human.scaleDown(s.max(), sc)),
                Human.scaleDown(s.mean(), sc), Human.scaleDown(s.stddev(), sc)));
    }

    /**
     * fio's percentile table: four to a line, each "Nth=[value]" with as many decimals as the list
     * needs (" 1.00th" for fio's default, "50.000th" for 50:99.999, "  1th" for whole numbers:
     * fio's show_clat_percentiles).
     */
    private static void percentiles(StringBuilder b, String label, LatencyStats s, List<Double> ps) {
        if (s.count() == 0 || ps.isEmpty()) {
            return;
        }
        int sc = Human.latencyScale(s.percentile(ps.getFirst()), s.percentile(ps.getLast()));
        int decimals = decimalsOf(ps);
        String entry = " %" + (decimals == 0 ? 3 : decimals + 3) + "." + decimals + "fth=[%5d]";
        b.append(String.format(Locale.ROOT, "%s percentiles (%s):%n", label, Human.scaleName(sc)));
        for (int i = 0; i < ps.size(); i++) {
            b.append(i % 4 == 0 ? "     |" : ",");
            b.append(String.format(Locale.ROOT, entry, ps.get(i), Math.round(Human.scaleDown(s.percentile(ps.get(i)), sc))));
            b.append(i % 4 == 3 || i == ps.size() - 1 ? (i == ps.size() - 1 ? "\n" : ",\n") : "");
        }
    }

    /** The fewest decimals (at most 6) that show every percentile of the list exactly. */
    public static int decimalsOf(List<Double> ps) {
        int most = 0;
        for (double p : ps) {
            int k = 0;
            while (k < 6 && Math.abs(p * Math.pow(10, k) - Math.rint(p * Math.pow(10, k))) > 1e-6) {
                k++;
            }
            most = Math.max(most, k);
        }
        return most;
    }

    private static void groupLine(StringBuilder b, String name, List<JobResult> jobs, boolean read) {
        long bytes = 0;
        long maxRun = 0;
        long minRun = Long.MAX_VALUE;
        double minBw = Double.MAX_VALUE;
        double maxBw = 0;
        for (JobResult r : jobs) {
            DirectionStats d = read ? r.read : r.write;
            if (d.ios() == 0) {
                continue;
            }
            bytes += d.bytes();
            long ms = Reported.runtimeMillis(r);
            double bw = Reported.bytesPerSecond(d.bytes(), ms);
            minBw = Math.min(minBw, bw);
            maxBw = Math.max(maxBw, bw);
            maxRun = Math.max(maxRun, ms);
            minRun = Math.min(minRun, ms);
        }
        if (bytes == 0) {
            return;
        }
        double bw = Reported.bytesPerSecond(bytes, maxRun);
        b.append(String.format(Locale.ROOT, "%7s: bw=%s/s (%s/s), %s/s-%s/s (%s/s-%s/s), io=%s (%s), run=%d-%dmsec%n", name,
                Human.iec(bw), Human.si(bw), Human.iec(minBw), Human.iec(maxBw), Human.si(minBw), Human.si(maxBw),
                Human.iec(bytes), Human.si(bytes), minRun, maxRun));
    }
}
