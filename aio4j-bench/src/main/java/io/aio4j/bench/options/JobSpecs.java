package io.aio4j.bench.options;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns written jobs into validated {@link JobSpec}s: fio's defaults, numjobs clones, reporting
 * groups and stonewalls, file names, and the checks that say why a combination cannot run.
 */
public final class JobSpecs {
    private static final long SECOND = 1_000_000_000L;

    private JobSpecs() {
    }

    /**
     * The reporting groups fio sums into one entry: those in which any job asks for group_reporting.
     * The bench sums them as their jobs finish, the reports print them summed.
     */
    public static java.util.Set<Integer> summedGroups(List<JobSpec> jobs) {
        java.util.Set<Integer> summed = new java.util.HashSet<>();
        for (JobSpec j : jobs) {
            if (j.groupReporting()) {
                summed.add(j.groupId());
            }
        }
        return summed;
    }

    /**
     * Resolves every job.
     *
     * @throws IllegalArgumentException naming the job and saying what is wrong
     */
    public static List<JobSpec> resolve(List<Section> sections) {
        List<JobSpec> out = new ArrayList<>();
        int group = 0;
        for (int s = 0; s < sections.size(); s++) {
            Section sec = sections.get(s);
            try {
                boolean stonewall = flag(sec, "stonewall", false);
                if (s > 0 && (stonewall || flag(sec, "new_group", false))) {
                    group++;
                }
                int numjobs = intIn(sec, "numjobs", 1, 1, 4096);
                // the clones differ only in number and file: resolve once (cold, that took 0.1 ms
                // per clone, 60 ms for seed 003's 512)
                JobSpec first = resolve(sec, 0, group, s > 0 && stonewall);
                out.add(first);
                for (int j = 1; j < numjobs; j++) {
                    out.add(first.numbered(j, file(sec, j)));
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("job " + sec.name() + ": " + e.getMessage(), e);
            }
        }
        refuseSharedVerifiedFiles(out);
        return out;
    }

    /**
     * A job that writes with verify checks each block against its own last write, so no other job
     * may write its file while it runs (fio's verify fails the same way, on the header's numberio).
     * Jobs run side by side from one stonewall to the next.
     */
    private static void refuseSharedVerifiedFiles(List<JobSpec> jobs) {
        // per wave, the first writer of each file; a second writer clashes if either verifies
        // (linear: seed 003 has 512 jobs in one wave)
        Map<Path, JobSpec> writers = new HashMap<>();
        for (JobSpec a : jobs) {
            if (a.waitsForPrevious()) {
                writers.clear();
            }
            if (!a.workload().writes()) {
                continue;
            }
            JobSpec b = writers.putIfAbsent(a.file().toAbsolutePath().normalize(), a);
            if (b != null && (a.verify() || b.verify())) {
                throw new IllegalArgumentException("job " + a.name() + "." + a.jobNumber() + " and job " + b.name() + "."
                        + b.jobNumber() + " share " + a.file() + " while one of them writes with --verify: each job"
                        + " checks blocks against its own writes; give each job its own file (no --filename with --numjobs),"
                        + " or separate them with --stonewall");
            }
        }
    }

    private static JobSpec resolve(Section sec, int jobNumber, int group, boolean waits) {
        Workload rw = Workload.of(sec.get("rw", "read"));
        int bs = (int) sizeIn(sec, "bs", 4096, 1, 1L << 30);
        long size = sec.options().containsKey("size") ? Units.size("size", sec.get("size", "0")) : 0;
        if (sec.options().containsKey("size") && size < bs) {
            throw new IllegalArgumentException("--size=" + sec.get("size", "") + " is smaller than --bs=" + bs);
        }
        IoEngine engine = IoEngine.of(engineName(sec));
        int iodepth = intIn(sec, "iodepth", 1, 1, 32768);
        if (engine.synchronous()) {
            iodepth = 1; // as fio's fixup_options, which prints SYNC_ENGINE_DEPTH_NOTE (depthCapped)
        }
        int batch = intIn(sec, "iodepth_batch_submit", 1, 0, Integer.MAX_VALUE);
        batch = batch == 0 ? iodepth : Math.min(batch, iodepth);
        int completeMin = Math.min(intIn(sec, "iodepth_batch_complete_min", 1, 0, Integer.MAX_VALUE), iodepth);
        // fio (fixup_options): a maximum unset (0) or below the minimum is the minimum, so by default
        // one completion per reap and the queue stays full; at least 1, at most the depth
        int completeMax = intIn(sec, "iodepth_batch_complete_max", 0, 0, Integer.MAX_VALUE);
        completeMax = Math.min(Math.max(Math.max(completeMax, completeMin), 1), iodepth);
        int mix = sec.options().containsKey("rwmixread") ? intIn(sec, "rwmixread", 50, 0, 100)
                : 100 - intIn(sec, "rwmixwrite", 50, 0, 100);
        boolean direct = sec.options().containsKey("direct") ? flag(sec, "direct", false) : !flag(sec, "buffered", true);
        if (direct && bs % 512 != 0) {
            throw new IllegalArgumentException("--direct=1 needs --bs a multiple of 512 (O_DIRECT alignment), not " + bs);
        }
        long runtime = time(sec, "runtime");
        boolean timeBased = flag(sec, "time_based", false);
        if (timeBased && runtime == 0) {
            throw new IllegalArgumentException("--time_based needs --runtime (otherwise the job never ends)");
        }
        int fsync = intIn(sec, "fsync", 0, 0, Integer.MAX_VALUE);
        String verifyName = sec.get("verify", "0");
        boolean verify = verifyName.startsWith("crc32c");
        if (verify && bs < 24) {
            throw new IllegalArgumentException("--verify=crc32c needs --bs of at least 24 (the verify header)");
        }
        long offset = offset(sec, direct);
        return new JobSpec(sec.name(), jobNumber, group, waits, file(sec, jobNumber), size, offset, rw, mix, bs, iodepth, batch,
                completeMin, completeMax, direct, engine, runtime, timeBased,
                time(sec, "ramp_time") + warmup(sec, timeBased, verify), warmup(sec, timeBased, verify), flag(sec, "invalidate", true), fsync, verify, flag(sec, "do_verify", true),
                flag(sec, "group_reporting", false), flag(sec, "slat_percentiles", false),
                flag(sec, "clat_percentiles", true), flag(sec, "lat_percentiles", false),
                intIn(sec, "loops", 1, 1, Integer.MAX_VALUE), flag(sec, "randrepeat", true),
                percentiles(sec), sizeIn(sec, "io_size", 0, 0, Long.MAX_VALUE), intIn(sec, "number_ios", 0, 0, Integer.MAX_VALUE),
                flag(sec, "norandommap", false), flag(sec, "gtod_reduce", false), flag(sec, "unlink", false),
                flag(sec, "end_fsync", false) || flag(sec, "fsync_on_close", false), sec.options(), sec.written());
    }

    /** fio's note, on its standard output, for a job whose iodepth {@link #depthCapped} caps. */
    public static final String SYNC_ENGINE_DEPTH_NOTE =
            "note: both iodepth >= 1 and synchronous I/O engine are selected, queue depth will be capped at 1";

    /** Whether a job asks for an iodepth above 1 with a synchronous engine, which runs it at 1 (as fio). */
    public static boolean depthCapped(Section sec) {
        return IoEngine.of(engineName(sec)).synchronous() && intIn(sec, "iodepth", 1, 1, 32768) > 1;
    }

    /**
     * offset: where the job's region starts, in bytes (fio's percentage form is refused, naming
     * the value); a multiple of 512 with O_DIRECT.
     */
    static long offset(Section sec, boolean direct) {
        String v = sec.get("offset", null);
        if (v == null) {
            return 0;
        }
        if (v.trim().endsWith("%")) {
            throw new IllegalArgumentException("--offset=" + v + ": a percentage of the file is not supported, give bytes");
        }
        long offset = Units.size("offset", v);
        if (direct && offset % 512 != 0) {
            throw new IllegalArgumentException("--offset=" + v + ": --direct=1 needs a multiple of 512 (O_DIRECT alignment)");
        }
        return offset;
    }

    /** fio's default percentile list (its plist when percentile_list is not given). */
    public static final List<Double> DEFAULT_PERCENTILES =
            List.of(1.0, 5.0, 10.0, 20.0, 30.0, 40.0, 50.0, 60.0, 70.0, 80.0, 90.0, 95.0, 99.0, 99.5, 99.9, 99.95, 99.99);

    /**
     * percentile_list: ':'-separated percentages in [0, 100], at most 20 of them (fio's
     * FIO_IO_U_LIST_MAX_LEN), reported in ascending order (fio sorts them).
     */
    static List<Double> percentiles(Section sec) {
        String v = sec.get("percentile_list", null);
        if (v == null) {
            return DEFAULT_PERCENTILES;
        }
        String[] parts = v.split(":", -1);
        if (parts.length > 20) {
            throw new IllegalArgumentException("--percentile_list=" + v + ": " + parts.length + " values, at most 20");
        }
        List<Double> out = new ArrayList<>();
        for (String part : parts) {
            double p;
            try {
                p = Double.parseDouble(part.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--percentile_list=" + v + ": '" + part + "' is not a number");
            }
            if (!(p >= 0 && p <= 100)) {
                throw new IllegalArgumentException("--percentile_list=" + v + ": " + part + " is not a percentage in 0..100");
            }
            out.add(p);
        }
        out.sort(null);
        return out;
    }

    /** The ioengine a section names, fio's default (psync) if none. */
    public static String engineName(Section sec) {
        return sec.get("ioengine", IoEngine.PSYNC.fioName());
    }

    /** fio's file naming: directory/filename, or directory/jobname.jobnum.filenum. */
    private static Path file(Section sec, int jobNumber) {
        String dir = sec.get("directory", null);
        String name = sec.get("filename", null);
        if (name != null && name.contains(":")) {
            throw new IllegalArgumentException("--filename=" + name + ": several files per job (':') are not supported");
        }
        String leaf = name != null ? name : sec.name() + "." + jobNumber + ".0";
        return dir == null ? Path.of(leaf) : Path.of(dir).resolve(leaf);
    }

    private static boolean flag(Section sec, String option, boolean fallback) {
        return sec.options().containsKey(option) ? Units.bool(option, sec.get(option, "")) : fallback;
    }

    /**
     * The JVM warm-up folded into the ramp of a time-based job: fio's process is compiled before it
     * starts, a JVM's hot loop is compiled during the first seconds (on 2 loaded cores the first
     * second ran at a few percent of steady state), so without it a short run measures the JIT.
     * Not recorded; the JSON reports the ramp including it ("aio4j"."ramp_ms_including_jvm_warmup").
     * Size-based and verify jobs get none here; size-based waves may get a warm-up of their own
     * before they start (BenchRun.warmUpRounds).
     */
    static final long DEFAULT_WARMUP_NANOS = 2_000_000_000L;

    private static long warmup(Section sec, boolean timeBased, boolean verify) {
        if (!timeBased || verify) {
            return 0;
        }
        return sec.options().containsKey("aio4j_warmup") ? time(sec, "aio4j_warmup") : DEFAULT_WARMUP_NANOS;
    }

    /**
     * Whether the job says {@code --aio4j_warmup=0}: measure from a cold JVM. Its spec's
     * warmupNanos is 0 for every size-based job, so the option as written is asked.
     */
    public static boolean coldJvmAsked(JobSpec spec) {
        String w = spec.options().get("aio4j_warmup");
        return w != null && Units.timeNanos("aio4j_warmup", w, SECOND) == 0;
    }

    private static long time(Section sec, String option) {
        return sec.options().containsKey(option) ? Units.timeNanos(option, sec.get(option, "0"), SECOND) : 0;
    }

    private static int intIn(Section sec, String option, int fallback, long min, long max) {
        if (!sec.options().containsKey(option)) {
            return fallback;
        }
        long v = Units.integer(option, sec.get(option, ""));
        if (v < min || v > max) {
            throw new IllegalArgumentException("--" + option + "=" + v + " is outside " + min + ".." + max);
        }
        return (int) v;
    }

    private static long sizeIn(Section sec, String option, long fallback, long min, long max) {
        if (!sec.options().containsKey(option)) {
            return fallback;
        }
        long v = Units.size(option, sec.get(option, ""));
        if (v < min || v > max) {
            throw new IllegalArgumentException("--" + option + "=" + sec.get(option, "") + " is outside " + min + ".." + max + " bytes");
        }
        return v;
    }
}
