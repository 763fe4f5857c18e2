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

    /** Now. Allocates; call it outside measured loops. */
    public static CpuTimes now() {
        long[] ticks = procTicks();
        long total = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
        if (total < 0) {
            total = (ticks[0] + ticks[1]) * NANOS_PER_TICK;
        }
        return new CpuTimes(total, ticks[0], ticks[1]);
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
