package io.aio4j.bench.run;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The process's CPU time: every thread counts (the job's, the engine's workers, the JDK's pool,
 * the JIT and GC), so an engine cannot hide work in other threads. The total is the JVM's precise
 * process CPU time; it is split into user and system by the tick counts of /proc/self/stat over
 * the same interval (where readable; else all of it counts as user).
 *
 * @param totalNanos user + system CPU time
 * @param userTicks utime from /proc/self/stat, in clock ticks
 * @param systemTicks stime, in clock ticks
 */
public record CpuTimes(long totalNanos, long userTicks, long systemTicks) {
    private static final long NANOS_PER_TICK = 10_000_000L; // USER_HZ is 100 on Linux

    private static final java.lang.management.OperatingSystemMXBean OS = ManagementFactory.getOperatingSystemMXBean();
    /** A reading this recent is returned again: see {@link #now()}. */
    private static final long REUSE_NANOS = 1_000_000;
    private static volatile Reading last;

    private record Reading(long atNanos, CpuTimes times) {
    }

    /**
     * Now, for the start of an interval, to within a millisecond: a reading taken less than 1 ms
     * ago is returned again. The kernel sums the process's CPU time over every thread for each
     * reading, twice here (the precise total and /proc's split), and 512 jobs starting together
     * while 512 threads live each read it; they now share a reading. The end of an interval takes
     * {@link #fresh()}, so a short job never reads zero. Allocates; call it outside measured loops.
     */
    public static CpuTimes now() {
        Reading r = last;
        if (r != null && System.nanoTime() - r.atNanos < REUSE_NANOS) {
            return r.times;
        }
        return fresh();
    }

    /** Now, read from the kernel. Allocates; call it outside measured loops. */
    public static CpuTimes fresh() {
        long t = System.nanoTime();
        long[] ticks = procTicks();
        long total = OS instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : -1;
        if (total < 0) {
            total = (ticks[0] + ticks[1]) * NANOS_PER_TICK;
        }
        CpuTimes now = new CpuTimes(total, ticks[0], ticks[1]);
        last = new Reading(t, now);
        return now;
    }

    /** The time spent since {@code earlier}. */
    public CpuTimes since(CpuTimes earlier) {
        return new CpuTimes(Math.max(0, totalNanos - earlier.totalNanos), Math.max(0, userTicks - earlier.userTicks),
                Math.max(0, systemTicks - earlier.systemTicks));
    }

    /** User CPU time in nanoseconds. */
    public long userNanos() {
        long t = userTicks + systemTicks;
        return t == 0 ? totalNanos : (long) ((double) totalNanos * userTicks / t);
    }

    /** System CPU time in nanoseconds. */
    public long systemNanos() {
        return totalNanos - userNanos();
    }

    /** Adds another interval. */
    public CpuTimes plus(CpuTimes o) {
        return new CpuTimes(totalNanos + o.totalNanos, userTicks + o.userTicks, systemTicks + o.systemTicks);
    }

    /** utime and stime in clock ticks; zeros where /proc is not readable. */
    private static long[] procTicks() {
        try {
            String s = Files.readString(Path.of("/proc/self/stat"));
            String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
            return new long[] {Long.parseLong(f[11]), Long.parseLong(f[12])}; // fields 14 and 15 of proc(5)
        } catch (IOException | RuntimeException e) {
            return new long[2];
        }
    }
}
