package io.aio4j.bench.run;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Waits until C2 has compiled what the warm-up and the jobs' set-up asked of it, before the job
 * threads take every CPU. Once they run, a compiler thread gets a 1/(jobs + 1) share: with 64 jobs
 * on 2 cores the C2 versions of IoContext.submit and the engine's submit, queued during the
 * warm-up, arrived 1.6 and 2.6 s into the jobs, which ran C1's profiling code until then (3 to 10
 * times the CPU per I/O, 5-9 s of wall time against 2.5-3 s).
 *
 * <p>How it tells: the C2 compiler threads are found by name in /proc/self/task ("C2 CompilerThre",
 * the kernel's 15-character cut of "C2 CompilerThread0"). C2 is idle when every such thread is
 * asleep (an idle compiler thread waits on its queue) at two looks {@value #POLL_MILLIS} ms apart
 * and ran less than {@value #BUSY_NANOS} ns between them, by the kernel's own count in schedstat.
 * That costs a few small reads of /proc. The Compiler.queue diagnostic command, read through the
 * platform MBean server before, loaded about 250 classes (JMX, JFR's command parsers and their
 * XML) and cost 0.1-0.2 s of JIT time in every run. Where /proc shows no C2 thread (not Linux, or
 * C1 only), the wait returns at once.
 */
final class JitQueue {
    private static final long POLL_MILLIS = 10;
    private static final long BUSY_NANOS = 1_000_000;
    private static final String C2_NAME = "C2 CompilerThre";
    private static final Path TASKS = Path.of("/proc/self/task");

    private JitQueue() {
    }

    /** One look at a thread: its scheduler state letter and the CPU time it has run, in ns. */
    record Look(char state, long ranNanos) {
        /** Whether the thread was asleep at both looks and ran next to nothing in between. */
        static boolean idle(Look before, Look after) {
            return before.state != 'R' && after.state != 'R' && after.ranNanos - before.ranNanos < BUSY_NANOS;
        }
    }

    /** Returns once no C2 compilation is queued or running, or after {@code maxMillis}. */
    static void awaitC2Idle(long maxMillis) {
        if (maxMillis <= 0) {
            return;
        }
        long end = System.nanoTime() + maxMillis * 1_000_000L;
        List<Path> threads = knownC2Threads();
        try {
            Look[] before = look(threads);
            if (before == null && !threads.isEmpty()) {
                known = null; // one of them exited (a dynamic compiler thread): look again
                threads = knownC2Threads();
                before = look(threads);
            }
            while (before != null && System.nanoTime() < end) {
                Thread.sleep(POLL_MILLIS);
                Look[] after = look(threads);
                if (after == null || allIdle(before, after)) {
                    return;
                }
                before = after;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The CPU time the C2 compiler threads have run so far, in ns, by the kernel's count; -1 where
     * they are not known (no /proc, no C2 thread, or one exited).
     */
    static long c2RanNanos() {
        Look[] looks = look(knownC2Threads());
        if (looks == null) {
            return -1;
        }
        long sum = 0;
        for (Look l : looks) {
            sum += l.ranNanos;
        }
        return sum;
    }

    private static boolean allIdle(Look[] before, Look[] after) {
        for (int i = 0; i < before.length; i++) {
            if (!Look.idle(before[i], after[i])) {
                return false;
            }
        }
        return true;
    }

    /**
     * The C2 threads found by the first wait, which comes before the job threads exist: listing
     * /proc/self/task reads every thread's name, and with 512 job threads that was 512 reads and
     * about 4 MB of buffers on the launcher's way to the start line. A compiler thread the JVM
     * starts later (UseDynamicNumberOfCompilerThreads, on machines with more cores) is not waited
     * for; one that exits makes the next wait list them again.
     */
    private static volatile List<Path> known;

    private static List<Path> knownC2Threads() {
        List<Path> k = known;
        if (k == null) {
            k = c2Threads();
            known = k;
        }
        return k;
    }

    /** The /proc directories of this JVM's C2 compiler threads; empty where there are none or no /proc. */
    static List<Path> c2Threads() {
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
            for (Path task : tasks) {
                try {
                    if (Files.readString(task.resolve("comm")).startsWith(C2_NAME)) {
                        found.add(task);
                    }
                } catch (IOException e) {
                    // the thread exited while we listed: not a compiler thread we wait for
                }
            }
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
        return found;
    }

    /** A look at each thread, or null when one can no longer be read (it exited: stop waiting). */
    private static Look[] look(List<Path> threads) {
        if (threads.isEmpty()) {
            return null;
        }
        Look[] looks = new Look[threads.size()];
        for (int i = 0; i < looks.length; i++) {
            looks[i] = look(threads.get(i));
            if (looks[i] == null) {
                return null;
            }
        }
        return looks;
    }

    /** Parses /proc/self/task/TID/stat (state after the parenthesised name) and schedstat (first field). */
    static Look look(Path task) {
        try {
            String stat = Files.readString(task.resolve("stat"));
            String sched = Files.readString(task.resolve("schedstat"));
            char state = stat.charAt(stat.lastIndexOf(')') + 2);
            int space = sched.indexOf(' ');
            return new Look(state, Long.parseLong(space < 0 ? sched.strip() : sched.substring(0, space)));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
