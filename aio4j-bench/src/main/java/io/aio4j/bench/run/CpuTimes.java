package io.aio4j.bench.run;

import io.aio4j.linux.abi.LibC;
import io.aio4j.linux.abi.Native;
import io.aio4j.linux.abi.Syscalls;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.management.ManagementFactory;

/**
 * The process's CPU time: every thread counts (the job's, the engine's workers, the JDK's pool,
 * the JIT and GC), so an engine cannot hide work in other threads.
 *
 * <p>On Linux it is getrusage(RUSAGE_SELF): user and system time in microseconds, which the
 * kernel derives from its per-thread run times, in one system call. Before, the total came from
 * the JDK's process CPU time, which is times(2) underneath and moves in 10 ms steps (a short job
 * read zero), and the split from /proc/self/stat, a second pass over every thread plus a file to
 * parse. Elsewhere the JDK's figure is used, all of it counted as user time.
 *
 * @param totalNanos user + system CPU time
 * @param userNanos user CPU time
 * @param systemNanos system CPU time
 * @param contextSwitches voluntary and involuntary context switches (fio's ctx); 0 where not read
 * @param minorFaults page faults served without I/O (fio's minf)
 * @param majorFaults page faults that needed I/O (fio's majf)
 */
public record CpuTimes(long totalNanos, long userNanos, long systemNanos, long contextSwitches, long minorFaults,
        long majorFaults) {
    /** Times without the counters. */
    public CpuTimes(long totalNanos, long userNanos, long systemNanos) {
        this(totalNanos, userNanos, systemNanos, 0, 0, 0);
    }

    private static final boolean RUSAGE = Native.IS_LINUX && Syscalls.GETRUSAGE >= 0;
    private static final int RUSAGE_SELF = 0;
    /** struct rusage on the 64-bit targets: ru_utime and ru_stime (struct timeval) first, 144 bytes. */
    private static final long RUSAGE_BYTES = 144;
    /**
     * The JDK's view, where getrusage is not used; in a holder, made on first use: the platform
     * MXBean loads the management classes and parses the process's cgroups (with regular
     * expressions, whose matcher C2 then compiled), which the warm-up's first reading paid before.
     */
    private static final class Jdk {
        static final java.lang.management.OperatingSystemMXBean OS = ManagementFactory.getOperatingSystemMXBean();
    }
    /** A reading this recent is returned again: see {@link #now()}. */
    private static final long REUSE_NANOS = 1_000_000;
    private static volatile Reading last;

    private record Reading(long atNanos, CpuTimes times) {
    }

    /**
     * Now, for the start of an interval, to within a millisecond: a reading taken less than 1 ms
     * ago is returned again. The kernel sums the process's CPU time over every thread for each
     * reading, and 512 jobs starting together while 512 threads live each read it; they share a
     * reading. The end of an interval takes {@link #fresh()}, so a short job never reads zero.
     * Allocates; call it outside measured loops.
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
        CpuTimes now = RUSAGE ? rusage() : jdk();
        last = new Reading(t, now);
        return now;
    }

    private static CpuTimes rusage() {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment ru = a.allocate(RUSAGE_BYTES, 8);
            if (LibC.syscall(Syscalls.GETRUSAGE, RUSAGE_SELF, ru.address(), 0, 0, 0, 0) != 0) {
                return jdk();
            }
            long user = timevalNanos(ru, 0);
            long system = timevalNanos(ru, 16);
            // ru_minflt, ru_majflt, then ru_nvcsw and ru_nivcsw, longs at 64, 72, 128, 136
            long ctx = ru.get(ValueLayout.JAVA_LONG, 128) + ru.get(ValueLayout.JAVA_LONG, 136);
            return new CpuTimes(user + system, user, system, ctx, ru.get(ValueLayout.JAVA_LONG, 64), ru.get(ValueLayout.JAVA_LONG, 72));
        }
    }

    private static long timevalNanos(MemorySegment s, long at) {
        return s.get(ValueLayout.JAVA_LONG, at) * 1_000_000_000L + s.get(ValueLayout.JAVA_LONG, at + 8) * 1_000L;
    }

    private static CpuTimes jdk() {
        long total = Jdk.OS instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : -1;
        return total < 0 ? new CpuTimes(0, 0, 0) : new CpuTimes(total, total, 0);
    }

    /** The time spent since {@code earlier}. */
    public CpuTimes since(CpuTimes earlier) {
        return new CpuTimes(Math.max(0, totalNanos - earlier.totalNanos), Math.max(0, userNanos - earlier.userNanos),
                Math.max(0, systemNanos - earlier.systemNanos), Math.max(0, contextSwitches - earlier.contextSwitches),
                Math.max(0, minorFaults - earlier.minorFaults), Math.max(0, majorFaults - earlier.majorFaults));
    }
}
