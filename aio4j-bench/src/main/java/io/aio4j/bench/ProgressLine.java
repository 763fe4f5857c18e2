package io.aio4j.bench;

import io.aio4j.bench.options.JobSpec;
import io.aio4j.bench.run.BenchRun;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * fio's status line, once a second on a terminal: jobs running, elapsed time, IOPS over the last
 * second, and the time left. It reads the jobs' published completion counts and never touches
 * their hot paths. {@link #close()} erases the line.
 */
final class ProgressLine implements Consumer<BenchRun.Started>, AutoCloseable {
    private final PrintStream out;
    private final List<Tracked> jobs = new CopyOnWriteArrayList<>();
    private final long start = System.nanoTime();
    private final Thread ticker;
    private volatile boolean done;

    private record Tracked(BenchRun.Started job, long startNanos) {
    }

    ProgressLine(PrintStream out) {
        this.out = out;
        this.ticker = Thread.ofPlatform().daemon().name("aio4j-bench-progress").start(this::tick);
    }

    @Override
    public void accept(BenchRun.Started s) {
        jobs.add(new Tracked(s, System.nanoTime()));
    }

    private void tick() {
        long last = 0;
        long lastTime = System.nanoTime();
        while (!done) {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            long ios = 0;
            long eta = 0;
            int running = 0;
            for (Tracked t : jobs) {
                long n = t.job().runner().progress().get();
                ios += n;
                JobSpec s = t.job().spec();
                long planned = s.rampNanos() + s.runtimeNanos();
                if (planned > 0) {
                    long left = t.startNanos() + planned - now;
                    eta = Math.max(eta, left);
                    running += left > 0 ? 1 : 0;
                } else {
                    running++;
                }
            }
            double iops = (ios - last) * 1e9 / Math.max(1, now - lastTime);
            last = ios;
            lastTime = now;
            if (!done) {
                out.printf(Locale.ROOT, "\rJobs: %d: [elapsed %s] [%s IOPS] [eta %s]   ", running, clock(now - start),
                        io.aio4j.bench.report.Human.count(iops), eta > 0 ? clock(eta) : "--");
                out.flush();
            }
        }
    }

    private static String clock(long nanos) {
        long s = nanos / 1_000_000_000L;
        return String.format(Locale.ROOT, "%02dm:%02ds", s / 60, s % 60);
    }

    @Override
    public void close() {
        done = true;
        ticker.interrupt();
        try {
            ticker.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        out.print("\r" + " ".repeat(72) + "\r");
        out.flush();
    }
}
