package io.aio4j.channels;

import io.aio4j.Engine;
import io.aio4j.async.IoDispatcher;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousFileChannel;
import java.nio.channels.CompletionHandler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * 4 KiB random reads from a page-cached 256 MiB file, {@code depth} requests in flight, through
 * the JDK's AsynchronousFileChannel and through aio4j's, alternating in one JVM. Each in-flight
 * slot is a CompletionHandler chain (the handler issues the next read), on each channel's default
 * handler threads. Prints IOPS and process CPU time per read for each run, and the ratio of
 * medians. Run by hand, not a unit test:
 *
 * <pre>
 * ./mvnw -q -B -o -pl aio4j-core test-compile
 * java --enable-native-access=ALL-UNNAMED -cp aio4j-core/target/classes:aio4j-core/target/test-classes \
 *     io.aio4j.channels.ChannelRandomReadBenchmark [seconds=5] [rounds=3] [depth=32] [engine=AUTO] [flags=default] [aio4j-only]
 * </pre>
 */
public final class ChannelRandomReadBenchmark {
    private static final int BLOCK = 4096;
    private static final long FILE_SIZE = 256L << 20;

    private ChannelRandomReadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int depth = args.length > 2 ? Integer.parseInt(args[2]) : 32;
        Engine engine = Engine.valueOf(args.length > 3 ? args[3] : "AUTO");
        String flags = args.length > 4 && !args[4].equals("default") ? args[4] : null;
        Path file = Files.createTempFile(Path.of("/tmp"), "aio4j-bench", ".dat");
        try {
            fill(file);
            IoDispatcher dispatcher = SharedDispatcher.open(engine, 256, flags);
            System.out.println("aio4j: " + dispatcher.context().engineInfo() + " " + dispatcher.context().options().flags());
            double[] jdk = new double[rounds];
            double[] aio = new double[rounds];
            run("warm-up jdk", AsynchronousFileChannel.open(file, StandardOpenOption.READ), seconds, depth);
            run("warm-up aio4j", Aio4jAsynchronousFileChannel.open(dispatcher, file, Set.of(StandardOpenOption.READ), null), seconds, depth);
            boolean aio4jOnly = args.length > 5 && args[5].equals("aio4j-only"); // for profiling
            for (int r = 0; r < rounds; r++) {
                jdk[r] = aio4jOnly ? 1 : run("jdk   #" + r, AsynchronousFileChannel.open(file, StandardOpenOption.READ), seconds, depth);
                aio[r] = run("aio4j #" + r, Aio4jAsynchronousFileChannel.open(dispatcher, file, Set.of(StandardOpenOption.READ), null),
                        seconds, depth);
            }
            double mj = median(jdk);
            double ma = median(aio);
            System.out.printf("median IOPS: jdk %.0f, aio4j %.0f, ratio aio4j/jdk %.2f%n", mj, ma, ma / mj);
            dispatcher.close();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static void fill(Path file) throws IOException {
        try (var ch = java.nio.channels.FileChannel.open(file, StandardOpenOption.WRITE)) {
            ByteBuffer b = ByteBuffer.allocateDirect(1 << 20);
            for (int i = 0; i < b.capacity(); i++) {
                b.put(i, (byte) i);
            }
            for (long off = 0; off < FILE_SIZE; off += b.capacity()) {
                b.clear();
                ch.write(b, off);
            }
        }
        try (var in = Files.newInputStream(file)) { // page-cache it
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
    }

    private static double run(String name, AsynchronousFileChannel ch, int seconds, int depth) throws Exception {
        LongAdder ops = new LongAdder();
        LongAdder errors = new LongAdder();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        CountDownLatch done = new CountDownLatch(depth);
        long cpu0 = processCpuNanos();
        long start = System.nanoTime();
        for (int i = 0; i < depth; i++) {
            new Chain(ch, ops, errors, deadline, done, i).next();
        }
        done.await();
        double secs = (System.nanoTime() - start) / 1e9;
        double cpuPerOp = (processCpuNanos() - cpu0) / 1e3 / Math.max(1, ops.sum());
        ch.close();
        double iops = ops.sum() / secs;
        System.out.printf("%-14s %10.0f IOPS %6.2f us CPU/op (%d ops, %d errors, %.2f s)%n", name, iops, cpuPerOp, ops.sum(),
                errors.sum(), secs);
        return iops;
    }

    /** The process's CPU time (java.base only: the module reads nothing else). */
    private static long processCpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L);
    }

    private static double median(double[] a) {
        double[] s = a.clone();
        java.util.Arrays.sort(s);
        return s[s.length / 2];
    }

    /** One in-flight slot: reads a random block, and from its handler the next, until the deadline. */
    private static final class Chain implements CompletionHandler<Integer, Void> {
        private final AsynchronousFileChannel ch;
        private final LongAdder ops;
        private final LongAdder errors;
        private final long deadline;
        private final CountDownLatch done;
        private final SplittableRandom rnd;
        private final ByteBuffer buf = ByteBuffer.allocateDirect(BLOCK);

        Chain(AsynchronousFileChannel ch, LongAdder ops, LongAdder errors, long deadline, CountDownLatch done, int seed) {
            this.ch = ch;
            this.ops = ops;
            this.errors = errors;
            this.deadline = deadline;
            this.done = done;
            this.rnd = new SplittableRandom(seed);
        }

        void next() {
            buf.clear();
            ch.read(buf, rnd.nextLong(FILE_SIZE / BLOCK) * BLOCK, null, this);
        }

        @Override
        public void completed(Integer n, Void a) {
            if (n != BLOCK) {
                errors.increment();
            }
            ops.increment();
            if (System.nanoTime() - deadline < 0) {
                next();
            } else {
                done.countDown();
            }
        }

        @Override
        public void failed(Throwable t, Void a) {
            errors.increment();
            done.countDown();
        }
    }
}
