package io.aio4j.bench.compare;

import io.aio4j.bench.options.Invocation;
import io.aio4j.bench.options.IoEngine;
import io.aio4j.bench.options.JobSpec;
import io.aio4j.bench.options.JobSpecs;
import io.aio4j.bench.options.Section;
import io.aio4j.bench.report.FioJson;
import io.aio4j.bench.run.Backends;
import io.aio4j.bench.run.BenchRun;
import io.aio4j.bench.run.FilePrep;
import io.aio4j.bench.run.JobResult;
import io.aio4j.spi.Availability;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ./aio4j bench} with no job: 4 KiB random reads at depth 32 over a temporary 256 MiB
 * file, first page-cached and then O_DIRECT, through every engine available here (io_uring,
 * libaio, threadpool, jdk), about 5 s each; a table of IOPS, MB/s, latency percentiles and CPU
 * per I/O, and with {@code --plot=FILE} an SVG of the latency distributions. Job options on the
 * command line override the defaults (e.g. --runtime=2, --ioengine=jdk, --bs=8k); --direct picks
 * one of the two modes, --filename uses (and keeps) that file instead of a temporary one.
 */
public final class DefaultComparison {
    private final PrintStream out;
    private final PrintStream err;

    /** Prints to {@code out} and {@code err}. */
    public DefaultComparison(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** The default job's options, before command-line overrides. */
    static Map<String, String> defaults() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("rw", "randread");
        m.put("bs", "4k");
        m.put("iodepth", "32");
        m.put("size", "256m");
        m.put("runtime", "5");
        m.put("time_based", "1");
        return m;
    }

    /**
     * Runs the comparison; returns the exit status (1 if no engine ran or the file failed).
     *
     * @throws IllegalArgumentException if an override is impossible
     */
    public int run(Invocation inv) throws IOException {
        Map<String, String> base = defaults();
        base.putAll(inv.globals());
        List<IoEngine> engines = base.containsKey("ioengine") ? List.of(IoEngine.of(base.get("ioengine")))
                : List.of(IoEngine.IO_URING, IoEngine.LIBAIO, IoEngine.THREADPOOL, IoEngine.JDK);
        List<String> modes = !base.containsKey("direct") ? List.of("cached", "direct")
                : List.of(base.get("direct").equals("1") ? "direct" : "cached");
        String directory = base.remove("directory");
        boolean temporary = !base.containsKey("filename");
        Path file = temporary
                ? Files.createTempFile(Path.of(directory != null ? directory : System.getProperty("java.io.tmpdir")), "aio4j-bench-", ".dat")
                : directory != null ? Path.of(directory).resolve(base.get("filename")) : Path.of(base.get("filename"));
        base.put("filename", file.toString());
        List<Row> rows = new ArrayList<>();
        List<JobResult> all = new ArrayList<>();
        try {
            List<IoEngine> usable = new ArrayList<>();
            for (IoEngine e : engines) {
                Availability a = Backends.availability(e);
                if (a.available()) {
                    usable.add(e);
                } else {
                    out.println("skipping " + e.fioName() + ": " + a.reason());
                }
            }
            if (usable.isEmpty()) {
                err.println("aio4j bench: no engine is available");
                return 1;
            }
            for (String mode : modes) {
                for (IoEngine e : usable) {
                    JobSpec spec = spec(base, e, mode);
                    if (mode.equals("cached")) {
                        warmCache(spec);
                    }
                    if (!inv.json()) {
                        out.printf("running %s %s for %ds...%n", mode, e.fioName(), spec.runtimeNanos() / 1_000_000_000L);
                    }
                    JobResult r = BenchRun.run(List.of(spec), s -> { }).getFirst();
                    all.add(r);
                    if (r.error() != 0) {
                        out.println(mode + " " + e.fioName() + " failed: " + r.errorMessage());
                    } else {
                        rows.add(new Row(mode, e.fioName(), r));
                    }
                }
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return 1;
        } finally {
            if (temporary) {
                Files.deleteIfExists(file);
            }
        }
        out.print(inv.json() ? FioJson.write(all, inv.writtenGlobals()) : ComparisonTable.format(rows, base));
        String plot = inv.cli("plot", null);
        if (plot != null) {
            Files.writeString(Path.of(plot), SvgPlot.render(rows));
            out.println("latency plot written to " + plot);
        }
        return rows.isEmpty() ? 1 : 0;
    }

    private static JobSpec spec(Map<String, String> base, IoEngine e, String mode) {
        Map<String, String> o = new LinkedHashMap<>(base);
        o.put("ioengine", e.fioName());
        o.put("direct", mode.equals("direct") ? "1" : "0");
        o.put("invalidate", mode.equals("direct") ? "1" : "0");
        o.put("lat_percentiles", "1"); // the table's p50/p99/p99.9 are of lat
        return JobSpecs.resolve(List.of(new Section(mode + "-" + e.fioName(), o))).getFirst();
    }

    /** Lays the file out and reads it once so that the cached runs find it in the page cache. */
    private static void warmCache(JobSpec spec) throws IOException {
        FilePrep.prepare(spec);
        try (var in = Files.newInputStream(spec.file())) {
            byte[] buf = new byte[1 << 20];
            while (in.read(buf) > 0) {
                // reading is the point
            }
        }
    }

    /** One line of the table. */
    record Row(String mode, String engine, JobResult result) {
    }
}
