package io.aio4j.bench.run;

import java.lang.management.ManagementFactory;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Waits until C2 has compiled what the warm-up and the jobs' set-up asked of it, before the job
 * threads take every CPU. Once they run, a compiler thread gets a 1/(jobs + 1) share: with 64 jobs
 * on 2 cores the C2 versions of IoContext.submit and the engine's submit, queued during the
 * warm-up, arrived 1.6 and 2.6 s into the jobs, which ran C1's profiling code until then (3 to 10
 * times the CPU per I/O, 5-9 s of wall time against 2.5-3 s).
 *
 * <p>The queue is read with the Compiler.queue diagnostic command (what {@code jcmd PID
 * Compiler.queue} prints) through the platform MBean server; where that is unavailable, the
 * wait returns at once.
 */
final class JitQueue {
    private static final long POLL_MILLIS = 10;
    private static final String C2_QUEUE = "C2 compile queue:";

    private JitQueue() {
    }

    /** Returns once no C2 compilation is queued or running, or after {@code maxMillis}. */
    static void awaitC2Idle(long maxMillis) {
        if (maxMillis <= 0) {
            return;
        }
        long end = System.nanoTime() + maxMillis * 1_000_000L;
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            ObjectName dcmd = new ObjectName("com.sun.management:type=DiagnosticCommand");
            Object[] args = {null};
            String[] signature = {String[].class.getName()};
            while (!c2Idle(String.valueOf(server.invoke(dcmd, "compilerQueue", args, signature)))
                    && System.nanoTime() < end) {
                Thread.sleep(POLL_MILLIS);
            }
        } catch (JMException | RuntimeException e) {
            // no diagnostic commands in this JVM: do not wait
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Whether a Compiler.queue report shows C2 idle: nothing under "C2 compile queue:" and no C2
     * thread under "Current compiles:". A report without a C2 queue (C1 only) counts as idle.
     */
    static boolean c2Idle(String report) {
        int queue = report.indexOf(C2_QUEUE);
        if (queue < 0) {
            return true;
        }
        return !report.substring(0, queue).contains("C2 CompilerThread")
                && report.substring(queue + C2_QUEUE.length()).strip().startsWith("Empty");
    }
}
