package io.aio4j.bench.jmh;

import io.aio4j.FileOption;
import io.aio4j.IoContext;
import io.aio4j.bench.options.IoEngine;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What many live contexts cost in memory (seed 003: a 512-thread job keeps one context per thread
 * for its whole run). Not a JMH benchmark, since JMH measures time: a plain program beside them that
 * opens {@code count} contexts of one engine, each with one open file, and prints per context the
 * growth of the process's resident set (VmRSS: native memory, mapped rings, thread stacks) and of
 * the Java heap after a full GC, then closes them and prints the heap left (resident memory is not
 * printed after the close: the C allocator keeps freed memory, so it would not show a leak).
 *
 * <p>Run one engine per JVM, with the heap touched up front so that its growth does not show up as
 * resident memory (from the project root, after {@code ./mvnw -q -B -DskipTests package}):
 * <pre>
 * java --enable-native-access=ALL-UNNAMED -XX:+AlwaysPreTouch -Xms256m -Xmx256m \
 *   -cp aio4j-bench/target/aio4j-bench-0.1.0-SNAPSHOT.jar:$(cat aio4j-bench/target/classpath.txt) \
 *   io.aio4j.bench.jmh.ContextFootprint libaio 512 32
 * </pre>
 * Arguments: the engine in fio's spelling, the number of contexts (512), their entries (32). The
 * kernel's own per-context structures are not in these figures.
 */
public final class ContextFootprint {
    private ContextFootprint() {
    }

    /** Prints the memory per context of {@code args[0]} (see the class comment). */
    public static void main(String[] args) throws Exception {
        IoEngine engine = IoEngine.of(args.length > 0 ? args[0] : "libaio");
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 512;
        int entries = args.length > 2 ? Integer.parseInt(args[2]) : 32;
        if (count < 1 || entries < 1) {
            throw new IllegalArgumentException("count and entries must be at least 1: " + count + ", " + entries);
        }
        Path dir = Files.createTempDirectory("aio4j-footprint");
        Path file = Files.write(dir.resolve("f"), new byte[4096]);
        try {
            warmUp(engine, entries, file);
            long rss0 = rssBytes();
            long heap0 = heapAfterGc();
            List<IoContext> live = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                IoContext ctx = IoContext.open(entries, engine.contextOptions());
                live.add(ctx);
                ctx.openFile(file, FileOption.READ);
            }
            long rss1 = rssBytes();
            long heap1 = heapAfterGc();
            for (IoContext ctx : live) {
                ctx.close();
            }
            live.clear();
            IoContext.releaseIdleResources();
            long heap2 = heapAfterGc();
            System.out.printf("%s, %d contexts of %d entries, one file each: per context %.1f KiB resident, "
                    + "%.1f KiB heap; after closing all, %.2f KiB heap left per context%n",
                    engine.fioName(), count, entries, kib(rss1 - rss0, count), kib(heap1 - heap0, count),
                    kib(heap2 - heap0, count));
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }

    /** One context opened, used and closed first, so class loading is not counted against the rest. */
    private static void warmUp(IoEngine engine, int entries, Path file) throws IOException {
        try (IoContext ctx = IoContext.open(entries, engine.contextOptions())) {
            ctx.openFile(file, FileOption.READ);
        }
    }

    private static double kib(long bytes, int count) {
        return bytes / 1024.0 / count;
    }

    private static long heapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    /** VmRSS from /proc/self/status, in bytes. */
    private static long rssBytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return 1024 * Long.parseLong(line.substring(6).trim().split("\\s+")[0]);
            }
        }
        throw new IOException("no VmRSS line in /proc/self/status");
    }
}
