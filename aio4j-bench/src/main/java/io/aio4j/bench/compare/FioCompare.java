package io.aio4j.bench.compare;

import io.aio4j.bench.options.Invocation;
import io.aio4j.bench.options.Section;
import io.aio4j.bench.report.Human;
import io.aio4j.bench.report.MiniJson;
import io.aio4j.bench.report.Reported;
import io.aio4j.bench.run.JobResult;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code --compare-fio}: runs the same jobs through fio (when installed) right after ours and
 * prints {@code ratio aio4j/fio = R} over total IOPS. fio has no engine for the JDK's channel or
 * for a thread pool over pread; both are compared with fio's posixaio (glibc's thread-pool AIO),
 * the closest thing fio has.
 */
public final class FioCompare {
    private final PrintStream out;
    private final PrintStream err;

    /** Prints to {@code out} and {@code err}. */
    public FioCompare(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** The fio command line that runs the same jobs. */
    public static List<String> fioCommand(Invocation inv) {
        List<String> cmd = new ArrayList<>(List.of("fio", "--output-format=json"));
        for (Section s : inv.jobs()) {
            cmd.add("--name=" + s.name());
            for (Map.Entry<String, String> e : s.options().entrySet()) {
                if (e.getKey().startsWith("aio4j_")) {
                    continue; // aio4j's own options (e.g. aio4j_warmup) mean nothing to fio, which refuses them
                }
                String v = e.getValue();
                if (e.getKey().equals("ioengine") && (v.equals("jdk") || v.equals("threadpool"))) {
                    v = "posixaio";
                }
                cmd.add("--" + e.getKey() + "=" + v);
            }
        }
        return cmd;
    }

    /** Runs fio and prints the ratio; returns the exit status (1 if fio is missing or fails). */
    public int compare(Invocation inv, List<JobResult> ours) {
        List<String> cmd = fioCommand(inv);
        try {
            Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                err.println("aio4j bench: --compare-fio: fio failed (" + p.exitValue() + "): " + String.join(" ", cmd));
                return 1;
            }
            double theirs = fioIops(text);
            double mine = iops(ours);
            out.printf(Locale.ROOT, "fio: %s IOPS   aio4j: %s IOPS%n", Human.count(theirs), Human.count(mine));
            out.printf(Locale.ROOT, "ratio aio4j/fio = %.3f%n", theirs == 0 ? Double.NaN : mine / theirs);
            return 0;
        } catch (IOException e) {
            err.println("aio4j bench: --compare-fio: cannot run fio (is it installed? apt-get install fio): " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    /** The total read + write IOPS of fio's JSON report. */
    @SuppressWarnings("unchecked")
    static double fioIops(String json) {
        double sum = 0;
        for (Object o : (List<Object>) MiniJson.firstObject(json).get("jobs")) {
            Map<String, Object> job = (Map<String, Object>) o;
            sum += (Double) ((Map<String, Object>) job.get("read")).get("iops");
            sum += (Double) ((Map<String, Object>) job.get("write")).get("iops");
        }
        return sum;
    }

    /** Our total read + write IOPS, counted as fio counts its jobs[]. */
    static double iops(List<JobResult> results) {
        double sum = 0;
        for (JobResult r : Reported.entries(results)) {
            double secs = r.runtimeNanos() / 1e9;
            sum += secs == 0 ? 0 : (r.read.ios() + r.write.ios()) / secs;
        }
        return sum;
    }
}
