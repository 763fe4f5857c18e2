package io.aio4j.bench;

import io.aio4j.IoContext;
import io.aio4j.bench.compare.DefaultComparison;
import io.aio4j.bench.compare.FioCompare;
import io.aio4j.bench.options.Invocation;
import io.aio4j.bench.options.IoEngine;
import io.aio4j.bench.options.JobSpec;
import io.aio4j.bench.options.JobSpecs;
import io.aio4j.bench.options.OptionTable;
import io.aio4j.bench.options.Section;
import io.aio4j.bench.report.FioJson;
import io.aio4j.bench.report.FioTime;
import io.aio4j.bench.report.NormalReport;
import io.aio4j.bench.run.Backends;
import io.aio4j.bench.run.BenchRun;
import io.aio4j.bench.run.DiskStats;
import io.aio4j.bench.run.JobResult;
import io.aio4j.spi.Availability;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** {@code ./aio4j bench}: parses fio's options and job files, runs the jobs, reports them as fio does. */
public final class BenchCommand {
    private final PrintStream out;
    private final PrintStream err;

    /** A command printing to {@code out} (reports) and {@code err} (errors). */
    public BenchCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Runs with the arguments after {@code bench}; returns the exit status (0, 1 job or engine failure, 2 usage). */
    public int run(List<String> args) {
        Invocation inv;
        List<JobSpec> specs;
        try {
            inv = Invocation.parse(args);
            FioTime.loadInBackground();
            Backends.preloadInBackground(inv.jobs().stream().map(JobSpecs::engineName).distinct().toList());
            if (inv.commandLine().containsKey("help")) {
                help();
                return 0;
            }
            if (inv.jobs().isEmpty()) {
                return new DefaultComparison(out, err).run(inv);
            }
            specs = JobSpecs.resolve(inv.jobs());
            for (Section s : inv.jobs()) {
                if (JobSpecs.depthCapped(s)) {
                    // fio prints it on its standard output, ahead of the JSON; here it goes to the
                    // error stream so that the output stays the report alone
                    err.println(JobSpecs.SYNC_ENGINE_DEPTH_NOTE);
                }
            }
        } catch (IllegalArgumentException e) {
            err.println("aio4j bench: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("aio4j bench: " + e.getMessage());
            return 1;
        }
        // the devices under the jobs' files are found while the engines' probe, started with the
        // parse, may still run (seed 003: 512 files, 10-25 ms that were on the way to the start)
        DiskStats.Meter disks = new DiskStats.Meter(specs);
        Set<IoEngine> engines = new LinkedHashSet<>();
        specs.forEach(s -> engines.add(s.engine()));
        for (IoEngine e : engines) {
            Availability a = Backends.availability(e);
            if (!a.available()) {
                err.println("aio4j bench: ioengine=" + e.fioName() + " is not available here: " + a.reason());
                return 1;
            }
        }
        return runJobs(inv, specs, disks);
    }

    private int runJobs(Invocation inv, List<JobSpec> specs, DiskStats.Meter disks) {
        boolean json = inv.json();
        if (!json) {
            for (int k = 0; k < specs.size(); k++) {
                JobSpec s = specs.get(k);
                if (s.jobNumber() == 0) {
                    out.print(NormalReport.header(s));
                    if (k + 1 < specs.size() && specs.get(k + 1).jobNumber() == 1) {
                        out.println("..."); // as fio, once for a job's numjobs clones
                    }
                }
            }
            out.println("aio4j-bench 0.1.0");
            out.println("Starting " + specs.size() + " thread" + (specs.size() == 1 ? "" : "s"));
        }
        CountDownLatch reported = new CountDownLatch(1);
        Thread onInterrupt = new Thread(() -> {
            BenchRun.requestStop(); // Ctrl-C: the jobs drain and the report is still printed
            try {
                reported.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "aio4j-bench-interrupt");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        try {
            return runAndReport(inv, specs, disks);
        } finally {
            reported.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(onInterrupt);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it is waiting for the latch counted down above
            }
        }
    }

    private int runAndReport(Invocation inv, List<JobSpec> specs, DiskStats.Meter disks) {
        boolean json = inv.json();
        List<JobResult> results;
        try (ProgressLine progress = showProgress(inv) ? new ProgressLine(out) : null) {
            results = BenchRun.run(specs, progress != null ? progress : s -> { }, json ? line -> { } : out::println, disks);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("aio4j bench: interrupted");
            return 1;
        }
        // the jobs are done with their contexts: the idle ones kept for reuse are destroyed while
        // the report is written, not by the kernel at exit (seed 003: 40-50 ms of exit for 16)
        IoContext.releaseIdleResources();
        String report = json ? FioJson.write(results, inv.writtenGlobals(), disks.change(), inv.jsonPlus())
                : NormalReport.write(results, disks.change());
        String target = inv.cli("output", null);
        try {
            if (target != null) {
                Files.writeString(Path.of(target), report);
            } else {
                out.print(json ? report : "\n" + report); // fio's blank line after the set-up lines
            }
        } catch (IOException e) {
            err.println("aio4j bench: --output=" + target + ": " + e.getMessage());
            return 1;
        }
        boolean failed = false;
        for (JobResult r : results) {
            if (r.error() != 0) {
                err.println("aio4j bench: job " + r.spec().name() + "." + r.spec().jobNumber() + ": " + r.errorMessage());
                failed = true;
            }
        }
        if (inv.commandLine().containsKey("compare-fio") && !failed) {
            return new FioCompare(out, err).compare(inv, results);
        }
        return failed ? 1 : 0;
    }

    private boolean showProgress(Invocation inv) {
        String eta = inv.cli("eta", "auto");
        if (eta.equals("never") || inv.json()) {
            return false;
        }
        return eta.equals("always") || (System.console() != null && System.console().isTerminal());
    }

    private void help() {
        out.println("usage: aio4j bench [--option=value ...] [jobfile ...]");
        out.println("  fio's options and job files; with no job, the default comparison of every engine.");
        for (OptionTable.Spec s : OptionTable.all()) {
            out.printf("  --%-28s %s%n", s.name(), s.help());
        }
    }
}
