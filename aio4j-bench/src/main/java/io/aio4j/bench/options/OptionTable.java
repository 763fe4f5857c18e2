package io.aio4j.bench.options;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The options {@code ./aio4j bench} knows, in fio's spelling, with their aliases, value kinds and
 * where they may appear. Anything else is an error naming the option.
 */
public final class OptionTable {
    /** What kind of value an option takes; {@link #FLAG} options may be given without one. */
    public enum Kind { TEXT, SIZE, INT, FLAG, TIME, CHOICE }

    /** Where an option may appear: in a job (command line or job file) or only on the command line. */
    public enum Scope { JOB, COMMAND_LINE }

    /** One known option. */
    public record Spec(String name, Kind kind, Scope scope, List<String> choices, String help) {
    }

    private static final Map<String, Spec> SPECS = new LinkedHashMap<>();
    private static final Map<String, String> ALIASES = new LinkedHashMap<>();

    static {
        job("name", Kind.TEXT, "job name; on the command line, starts a new job");
        job("filename", Kind.TEXT, "file to do I/O on (default: directory/jobname.jobnum.filenum)");
        job("directory", Kind.TEXT, "directory for the job's files");
        job("size", Kind.SIZE, "bytes of the file each job works on (k/m/g suffixes, powers of 1024)");
        choice("rw", "I/O pattern", "read", "write", "randread", "randwrite", "rw", "readwrite", "randrw");
        job("rwmixread", Kind.INT, "percentage of reads in a mixed workload (default 50)");
        job("rwmixwrite", Kind.INT, "percentage of writes in a mixed workload");
        job("bs", Kind.SIZE, "block size (default 4k)");
        job("iodepth", Kind.INT, "requests kept in flight (default 1)");
        job("iodepth_batch_submit", Kind.INT, "requests submitted per call (default 1; 0 means iodepth)");
        job("iodepth_batch_complete_min", Kind.INT, "completions waited for per reap (default 1)");
        job("iodepth_batch_complete_max", Kind.INT, "most completions taken per reap (default iodepth_batch_complete_min, as fio)");
        job("direct", Kind.FLAG, "O_DIRECT");
        job("buffered", Kind.FLAG, "the opposite of direct");
        choice("ioengine", "engine", "io_uring", "libaio", "threadpool", "jdk", "psync", "sync");
        job("numjobs", Kind.INT, "clones of this job, run concurrently (default 1)");
        job("runtime", Kind.TIME, "stop after this long (seconds unless suffixed)");
        job("time_based", Kind.FLAG, "run for the whole runtime, repeating the workload");
        job("ramp_time", Kind.TIME, "run this long before recording statistics");
        job("aio4j_warmup", Kind.TIME, "aio4j only: JVM warm-up (JIT) added to ramp_time for time-based jobs, not"
                + " recorded (default 2s; 0 to measure from a cold JVM)");
        job("invalidate", Kind.FLAG, "drop the file's page cache before the job (default 1)");
        job("fsync", Kind.INT, "fsync after every N writes");
        job("end_fsync", Kind.FLAG, "fsync the file when the job's I/O is done, inside its runtime");
        job("fsync_on_close", Kind.FLAG, "fsync the file when the job closes it (as end_fsync here: once, at the end)");
        choice("verify", "verify written data", "0", "null", "none", "crc32c", "crc32c-intel");
        job("do_verify", Kind.FLAG, "run the verify phase after writing (default 1)");
        job("stonewall", Kind.FLAG, "wait for the jobs before this one; starts a new reporting group");
        job("new_group", Kind.FLAG, "start a new reporting group");
        job("group_reporting", Kind.FLAG, "report each group as a whole");
        job("slat_percentiles", Kind.FLAG, "report submission latency percentiles");
        job("clat_percentiles", Kind.FLAG, "report completion latency percentiles (default 1)");
        job("lat_percentiles", Kind.FLAG, "report total latency percentiles");
        job("offset", Kind.TEXT, "where in the file the job's region starts, in bytes (k/m/g suffixes)");
        job("io_size", Kind.SIZE, "bytes of I/O per loop, within the size's region (default: size)");
        job("number_ios", Kind.INT, "at most this many reads and writes per loop");
        job("norandommap", Kind.FLAG, "random offsets with repeats, not each block once per pass");
        job("unlink", Kind.FLAG, "delete the job's file when the job is done");
        job("gtod_reduce", Kind.FLAG, "measure no per-I/O latency and take no bw/iops samples (fio's, for speed)");
        job("percentile_list", Kind.TEXT, "the percentiles reported, ':'-separated, at most 20 (default fio's 17, 1:5:...:99.99)");
        job("thread", Kind.FLAG, "run jobs as threads (aio4j jobs always are)");
        job("loops", Kind.INT, "repeat the job this many times (default 1)");
        job("randrepeat", Kind.FLAG, "the same random sequence on every run (default 1)");
        cli("output-format", Kind.CHOICE, List.of("normal", "json", "json+"),
                "normal, json, or json+ (json with each percentile map's latency bins, as fio)");
        cli("output", Kind.TEXT, List.of(), "write the report to this file");
        cli("eta", Kind.CHOICE, List.of("auto", "always", "never"), "progress line: auto (on a terminal), always, never");
        cli("compare-fio", Kind.FLAG, List.of(), "also run the job through fio and print the ratio");
        cli("plot", Kind.TEXT, List.of(), "default comparison: write an SVG of the latency distributions");
        cli("help", Kind.FLAG, List.of(), "print the options");
        ALIASES.put("readwrite", "rw");
        ALIASES.put("io_limit", "io_size");
        ALIASES.put("blocksize", "bs");
        ALIASES.put("iodepth_batch", "iodepth_batch_submit");
        ALIASES.put("iodepth_batch_complete", "iodepth_batch_complete_min");
        ALIASES.put("wait_for_previous", "stonewall");
        ALIASES.put("output_format", "output-format");
    }

    private OptionTable() {
    }

    private static void job(String name, Kind kind, String help) {
        SPECS.put(name, new Spec(name, kind, Scope.JOB, List.of(), help));
    }

    private static void choice(String name, String help, String... choices) {
        SPECS.put(name, new Spec(name, Kind.CHOICE, Scope.JOB, List.of(choices), help + ": " + String.join(", ", choices)));
    }

    private static void cli(String name, Kind kind, List<String> choices, String help) {
        SPECS.put(name, new Spec(name, kind, Scope.COMMAND_LINE, choices, help));
    }

    /**
     * The spec of an option by its name or alias.
     *
     * @throws IllegalArgumentException "unknown option: --x" for anything else
     */
    public static Spec lookup(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        Spec s = SPECS.get(ALIASES.getOrDefault(key, key));
        if (s == null) {
            throw new IllegalArgumentException("unknown option: --" + name);
        }
        return s;
    }

    /**
     * Checks a value against its option's kind (sizes parse, choices are known) and returns it
     * in canonical form: flags given bare become "1".
     *
     * @throws IllegalArgumentException naming the option and the value
     */
    public static String check(Spec spec, String value) {
        String v = value == null ? "" : value.trim();
        switch (spec.kind()) {
            case FLAG -> {
                return Units.bool(spec.name(), v) ? "1" : "0";
            }
            case SIZE -> Units.size(spec.name(), v);
            case INT -> Units.integer(spec.name(), v);
            case TIME -> Units.timeNanos(spec.name(), v, 1_000_000_000L);
            case CHOICE -> {
                if (!spec.choices().contains(v)) {
                    throw new IllegalArgumentException("--" + spec.name() + "=" + v + ": not one of " + String.join(", ", spec.choices()));
                }
            }
            case TEXT -> {
                if (v.isEmpty()) {
                    throw new IllegalArgumentException("--" + spec.name() + " needs a value");
                }
            }
            default -> throw new AssertionError(spec.kind());
        }
        return v;
    }

    /** All options, for --help. */
    public static Iterable<Spec> all() {
        return SPECS.values();
    }
}
