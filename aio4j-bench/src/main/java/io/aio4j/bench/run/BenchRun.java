package io.aio4j.bench.run;

import io.aio4j.bench.options.JobSpec;
import io.aio4j.bench.options.JobSpecs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs jobs as fio does: jobs between stonewalls run side by side, one thread each (fio's
 * --thread; each thread owns its own context and buffers), and a job with stonewall starts only
 * after every earlier job has finished. Files are prepared on the calling thread before each
 * wave starts; the page cache is dropped by each job's thread just before it starts.
 *
 * <p>Like fio, a wave's threads first set up (context, buffers, runner) and then wait at a
 * {@link StartLine} until every one of them has, so the jobs start together. Without it the
 * jobs started first ran their I/O while the launching thread, one runnable thread among
 * hundreds, took seconds to start the rest (seed 003: 512 jobs, 7.8 s to start them).
 */
public final class BenchRun {
    /** Set on Ctrl-C: jobs stop issuing, drain and report what they did (fio does the same on SIGINT). */
    private static volatile boolean stopRequested;

    private BenchRun() {
    }

    /** Asks every running job to stop issuing, finish what is in flight and report. Any thread. */
    public static void requestStop() {
        stopRequested = true;
    }

    /** Whether {@link #requestStop()} was called. */
    public static boolean stopRequested() {
        return stopRequested;
    }

    /** Told when each wave's jobs are released from the start line and when its last job has finished. */
    public interface Waves {
        /** The wave's jobs go (after its warm-up), on the thread releasing them. */
        void started();

        /** The wave's last job has finished, on the calling thread. */
        void ended();

        /** Nothing to tell. */
        Waves NONE = new Waves() {
            @Override
            public void started() {
            }

            @Override
            public void ended() {
            }
        };
    }

    /** A job that has started, for the progress line. */
    public record Started(JobSpec spec, JobRunner runner) {
    }

    /**
     * Runs every job and returns their results in job order. A job that fails to start or whose
     * I/O fails has its error in its result; the others still run.
     *
     * @param onStart told about each job as it starts (from the job's thread)
     * @throws InterruptedException if the calling thread is interrupted while waiting
     */
    public static List<JobResult> run(List<JobSpec> jobs, Consumer<Started> onStart) throws InterruptedException {
        return run(jobs, onStart, line -> { }, Waves.NONE);
    }

    /**
     * As {@link #run(List, Consumer)}, telling {@code notices} the lines fio prints on its normal
     * output while it sets jobs up ("name: Laying out IO file (1 file / 8MiB)"), from the calling thread.
     */
    public static List<JobResult> run(List<JobSpec> jobs, Consumer<Started> onStart, Consumer<String> notices, Waves waves)
            throws InterruptedException {
        List<JobResult> results = new ArrayList<>();
        List<GroupSum> sums = groupSums(jobs);
        int i = 0;
        while (i < jobs.size()) {
            int end = i + 1;
            while (end < jobs.size() && !jobs.get(end).waitsForPrevious()) {
                end++;
            }
            results.addAll(wave(jobs.subList(i, end), sums.subList(i, end), onStart, notices, waves));
            i = end;
        }
        return results;
    }

    /**
     * Per job, the sum its result is added to when it finishes: one per reporting group that has
     * group_reporting (as fio, any of its jobs asking sums the group), null for other jobs.
     */
    private static List<GroupSum> groupSums(List<JobSpec> jobs) {
        java.util.Set<Integer> summed = JobSpecs.summedGroups(jobs);
        Map<Integer, GroupSum> sums = new HashMap<>();
        List<GroupSum> perJob = new ArrayList<>(jobs.size());
        for (JobSpec j : jobs) {
            // the first job of a group is the first to come here: the sum is named after it
            perJob.add(summed.contains(j.groupId()) ? sums.computeIfAbsent(j.groupId(), g -> new GroupSum(j)) : null);
        }
        return perJob;
    }

    private static List<JobResult> wave(List<JobSpec> jobs, List<GroupSum> sums, Consumer<Started> onStart,
            Consumer<String> notices, Waves waves) throws InterruptedException {
        List<JobResult> results = new ArrayList<>(jobs.size());
        for (JobSpec spec : jobs) {
            results.add(new JobResult(spec));
        }
        long[] sizes = new long[jobs.size()];
        prepare(jobs, results, sizes, 0, notices);
        // the warm-up runs while the other files are prepared and the job threads are created and
        // set up (they wait at the line); on the first job's file only after the other files when
        // one of them is that same file, which its preparation could rewrite under the warm-up
        WarmUpPlan plan = warmUpPlan(jobs, results, sizes);
        Thread.Builder warmUp = Thread.ofPlatform().name("aio4j-bench-warmup");
        Runnable warmUpRun = () -> warmUp(jobs.getFirst(), sizes[0], plan);
        Thread warm = plan.site() == WarmUpSite.JOB_FILE && sharesFirstFile(jobs) ? null : warmUp.start(warmUpRun);
        for (int k = 1; k < jobs.size(); k++) {
            prepare(jobs, results, sizes, k, notices);
        }
        if (warm == null) {
            warm = warmUp.start(warmUpRun);
        }
        List<Thread> threads = new ArrayList<>();
        StartLine line = new StartLine(jobs.size());
        WaveCpu waveCpu = new WaveCpu();
        int k = 0;
        try {
            for (; k < jobs.size(); k++) {
                JobSpec spec = jobs.get(k);
                JobResult r = results.get(k);
                if (r.error() != 0) {
                    line.ready();
                    continue;
                }
                long size = sizes[k];
                GroupSum sum = sums.get(k);
                Thread t = new Thread(() -> runOne(spec, r, size, onStart, line, sum), "aio4j-bench-" + spec.name() + "." + spec.jobNumber());
                t.start();
                threads.add(t);
            }
        } finally {
            for (int rest = k; rest < jobs.size(); rest++) {
                results.get(rest).fail(4, "not started: the launch failed");
                line.ready(); // a thread that could not be started must not hold the others at the line
            }
            line.launched();
            try {
                warm.join();
            } finally {
                // the jobs' own set-up queued compilations too: let C2 finish them before the jobs
                // take every CPU (bounded; nothing to wait for without a warm-up)
                line.release(() -> {
                    if (plan.rounds() > 0 && plan.site() == WarmUpSite.JOB_FILE) {
                        invalidateAfterWarmUp(jobs.getFirst());
                    }
                    // a few jobs' set-up queues little, and the warm-up's last round ended with a wait already
                    JitQueue.awaitC2Idle(plan.rounds() > 0 && plan.manyJobs() ? JIT_WAIT_MAX_MILLIS : 0);
                    waves.started();
                    waveCpu.start();
                });
            }
        }
        for (Thread t : threads) {
            t.join();
        }
        waves.ended();
        // the jobs that never ran (a failed preparation or launch) are in their group's sum too
        for (int j = 0; j < jobs.size(); j++) {
            if (sums.get(j) != null) {
                sums.get(j).add(results.get(j));
            }
        }
        waveCpu.giveTo(results);
        return results;
    }

    /** Prepares the file of job {@code k}, recording its size, or the failure in its result. */
    private static void prepare(List<JobSpec> jobs, List<JobResult> results, long[] sizes, int k, Consumer<String> notices) {
        try {
            sizes[k] = FilePrep.prepare(jobs.get(k), notices);
        } catch (IOException | RuntimeException e) {
            results.get(k).fail(5, e.getMessage());
        }
    }

    /** Whether a job after the first uses the first job's file. */
    private static boolean sharesFirstFile(List<JobSpec> jobs) {
        Path first = jobs.getFirst().file();
        for (int k = 1; k < jobs.size(); k++) {
            if (jobs.get(k).file().equals(first)) {
                return true;
            }
        }
        return false;
    }

    /** The process's CPU time over a wave, from its start line to its last job (see cpuOfWave). */
    private static final class WaveCpu {
        private CpuTimes start;
        private long startNanos;

        /** At the start line, just before the jobs go. */
        void start() {
            startNanos = System.nanoTime();
            start = CpuTimes.fresh();
        }

        /** After the last job: the wave's CPU and wall time to each job that takes them (none if the line never released). */
        void giveTo(List<JobResult> results) {
            if (start == null) {
                return;
            }
            CpuTimes cpu = CpuTimes.fresh().since(start);
            long wall = System.nanoTime() - startNanos;
            for (JobResult r : results) {
                if (cpuOfWave(r.spec())) {
                    r.cpu = cpu;
                    r.cpuWallNanos = wall;
                }
            }
        }
    }

    /**
     * Whether a job's CPU time is the wave's (read at the start line and after the last job)
     * rather than its own reading: group_reporting jobs, whose sum reports the longest job's, that
     * is the wave's, without a ramp or verify phase that would fall outside their measured time.
     */
    private static boolean cpuOfWave(JobSpec spec) {
        return spec.groupReporting() && spec.rampNanos() == 0 && !spec.verify();
    }

    /**
     * Runs up to {@code plan.rounds()} rounds of {@value #ROUND_IOS} I/Os (the first of
     * {@value #FIRST_ROUND_IOS}) of the wave's first job on its own thread while the job threads set
     * up, on the plan's site, recorded into a result that is thrown away, inside the wall time
     * (see {@link #warmUpPlan} for which waves and how many rounds).
     */
    private static void warmUp(JobSpec first, long firstBytes, WarmUpPlan plan) {
        if (plan.rounds() == 0) {
            return;
        }
        long giveUp = System.nanoTime() + WARMUP_MAX_NANOS;
        if (plan.site() == WarmUpSite.SCRATCH) {
            try (WarmUpSite.Scratch scratch = WarmUpSite.scratchFor(first, firstBytes)) {
                warmUpOn(scratch.spec(), scratch.bytes(), plan.rounds(), giveUp);
            } catch (IOException | RuntimeException e) {
                // a scratch file that cannot be made or deleted: the jobs run without a warm-up
            }
        } else {
            warmUpOn(first, firstBytes, plan.rounds(), giveUp);
        }
    }

    private static void warmUpOn(JobSpec spec, long bytes, int rounds, long giveUp) {
        try {
            // rounds of I/O, each followed by a (bounded) wait for C2: its thresholds grow with its
            // queue (load feedback), so the hot methods of the I/O path are often queued only in a
            // later round, once the start-up backlog has been compiled. Each round on a context of
            // its own, as each job has: a fresh context's first I/Os take branches (a slot's first
            // iovec, an empty local queue) that one reused context takes only while interpreted,
            // and C2 then left them out, so the job's first I/Os deoptimised its compiled path
            for (int round = 0; round < rounds && System.nanoTime() < giveUp; round++) {
                long c2Before = JitQueue.c2RanNanos();
                try (IoBackend io = Backends.open(spec)) {
                    new JobRunner(spec, io, new JobResult(spec)).warmUp(bytes, round == 0 ? FIRST_ROUND_IOS : ROUND_IOS,
                            Math.max(0, giveUp - System.nanoTime()));
                }
                JitQueue.awaitC2Idle(Math.min(ROUND_WAIT_MAX_MILLIS, Math.max(0, (giveUp - System.nanoTime()) / 1_000_000)));
                if (round + 1 >= MIN_ROUNDS && quiet(c2Before, JitQueue.c2RanNanos(), round)) {
                    break;
                }
            }
        } catch (IOException | RuntimeException e) {
            // the job itself will meet and report whatever failed here
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A wave's warm-up: at most {@code rounds} rounds (0: none), on {@code site}, for a wave of more
     * jobs than processors or not.
     */
    record WarmUpPlan(int rounds, WarmUpSite site, boolean manyJobs) {
        static final WarmUpPlan NONE = new WarmUpPlan(0, WarmUpSite.NONE, false);
    }

    /**
     * The warm-up a wave gets. None when its first job is not set, or is verify (its file content
     * is the check) or time-based (a ramp is the user's warm-up, as in fio; the JVM's is folded
     * into it, JobSpecs.warmup), or {@code --aio4j_warmup=0} asks for a cold JVM. Otherwise up to
     * {@value #MAX_ROUNDS} rounds, stopping after {@value #MIN_ROUNDS} once one is quiet
     * ({@link #quiet}), on the site {@link WarmUpSite#of} picks; none where it picks NONE, unless
     * the wave has more jobs than processors, which then warm up on the first job's file.
     *
     * <p>Why every size-based job, short ones too: what a job reports is the library's speed, and
     * a job shorter than the JIT's compiling measures the interpreter instead. Without a warm-up
     * an 8 MiB 4k randread at depth 4 on /dev/shm reported 25-27k IOPS (fio: 290-340k); with one
     * round of 10,000 I/Os 180-220k, a 64 MiB one 220-260k (fio 320-470k); with rounds until C2
     * is quiet 300-700k and 470-490k. It costs about 0.3-0.45 s of wall time.
     *
     * <p>Why rounds: once hundreds of job threads are runnable (seed 003: 512), the JIT's compiler
     * threads get a 1/500 share of the CPU and the jobs' loop stayed interpreted for seconds;
     * and C2's thresholds grow with its queue, so the I/O path is often queued only in a later
     * round. A job bound by the CPU spent its first 0.3 s in code not compiled yet: a 512 MiB 4k
     * randread at depth 32 on /dev/shm reported 241-308k IOPS cold, 406-505k warmed (fio
     * 324-329k); the same job of 256 MiB with O_DIRECT on this VM's disk 48-52k cold, 65-73k
     * warmed (fio 61-73k).
     */
    static WarmUpPlan warmUpPlan(List<JobSpec> jobs, List<JobResult> results, long[] sizes) {
        JobSpec spec = jobs.getFirst();
        if (spec.verify() || spec.timeBased() || results.getFirst().error() != 0 || JobSpecs.coldJvmAsked(spec)) {
            return WarmUpPlan.NONE;
        }
        boolean many = jobs.size() > Runtime.getRuntime().availableProcessors();
        WarmUpSite site = WarmUpSite.of(spec);
        if (site == WarmUpSite.NONE) {
            // a cold many-job wave is far worse than a trace: its jobs stayed interpreted for seconds
            return many ? new WarmUpPlan(MAX_ROUNDS, WarmUpSite.JOB_FILE, true) : WarmUpPlan.NONE;
        }
        return new WarmUpPlan(MAX_ROUNDS, site, many);
    }

    /**
     * Drops the page cache of the first job's file again once the warm-up has ended, when the job
     * asks for invalidate (fio's default) and reads through the cache: the warm-up's I/O cached
     * what the job's own invalidation, done while the warm-up still ran, had dropped.
     */
    private static void invalidateAfterWarmUp(JobSpec first) {
        if (first.invalidate() && !first.direct()) {
            try {
                FilePrep.invalidate(first.file());
            } catch (IOException | RuntimeException e) {
                // the job's own invalidation already reported whatever fails here
            }
        }
    }

    /**
     * The most rounds of a warm-up, each ending with a wait until C2 is idle (see {@link JitQueue});
     * it stops earlier after a quiet round.
     */
    static final int MAX_ROUNDS = 6;
    /** Rounds run whatever C2 does: the first compiles most of the loop, the second what it queued late. */
    private static final int MIN_ROUNDS = 2;
    /** Where the C2 threads cannot be watched, the rounds run, as before there was a watch. */
    private static final int UNWATCHED_ROUNDS = 3;
    /** C2 time under which a round and its wait count as quiet: compiling nothing the loop needs. */
    private static final long QUIET_C2_NANOS = 5_000_000;

    /**
     * Whether a warm-up round (with its wait) set C2 no new work: the C2 threads ran under
     * {@value #QUIET_C2_NANOS} ns from its start to the end of its wait. The loop's methods are
     * then compiled as far as they will be. A round that compiled something may have raised other
     * methods' counters past C2's thresholds only now: in seed 003 the C2 versions of
     * IoContext.getEvents and the engine's reap, whose counts crossed thresholds while C2's queue
     * was long (its thresholds grow with it), were queued by the jobs themselves after three fixed
     * rounds and arrived 60-180 ms into the run.
     */
    private static boolean quiet(long c2Before, long c2After, int round) {
        if (c2Before < 0 || c2After < 0) {
            return round + 1 >= UNWATCHED_ROUNDS;
        }
        return c2After - c2Before < QUIET_C2_NANOS;
    }

    /** The longest wait for C2 after a warm-up round (the jobs setting up meanwhile queue more). */
    private static final long ROUND_WAIT_MAX_MILLIS = 300;
    /** The longest wait, once every job is set up, for C2 to finish what was queued. */
    private static final long JIT_WAIT_MAX_MILLIS = 1_000;
    /** I/Os of a warm-up round: enough for C2 (about 10,000 calls of the loop's methods). */
    private static final int ROUND_IOS = 10_000;
    /**
     * I/Os of the first round: few enough to end before C2 compiles the loop (it did after about
     * 5,500), so that the loop's end is in the profile C2 compiles from. A first round of 10,000
     * left the end of the plan an uncommon trap in JobRunner.step, hit at the round's end, and
     * C2 compiled the loop twice before the jobs could start (60-80 ms).
     */
    private static final int FIRST_ROUND_IOS = 1_000;
    /** The warm-up's bound in time, for slow devices. */
    private static final long WARMUP_MAX_NANOS = 2_000_000_000L;

    private static void runOne(JobSpec spec, JobResult r, long size, Consumer<Started> onStart, StartLine line, GroupSum sum) {
        boolean waited = false;
        try {
            line.awaitLaunch();
            if (spec.invalidate()) {
                FilePrep.invalidate(spec.file());
            }
            try (IoBackend io = Backends.open(spec)) {
                JobRunner runner = new JobRunner(spec, io, r);
                if (cpuOfWave(spec)) {
                    runner.cpuMeasuredByWave();
                }
                waited = true;
                line.readyAndWait();
                onStart.accept(new Started(spec, runner));
                runner.run(size);
            }
        } catch (IOException | RuntimeException e) {
            r.fail(5, e.getMessage() == null ? e.toString() : e.getMessage());
        } catch (InterruptedException e) {
            r.fail(4, "interrupted");
            Thread.currentThread().interrupt();
        } finally {
            if (!waited) {
                line.ready(); // failed before the line: still counted, so the others start
            }
            if (sum != null) {
                sum.add(r);
            }
            if (spec.unlink()) {
                unlink(spec.file());
            }
        }
    }

    /** unlink=1: the job's file is deleted when it is done, a regular file only (never a device), as fio. */
    private static void unlink(Path file) {
        try {
            if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                Files.deleteIfExists(file);
            }
        } catch (IOException | RuntimeException e) {
            // a file another job sharing it deleted first, or one this process may not delete: left
        }
    }
}
