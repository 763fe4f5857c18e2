import io.aio4j.ContextOptions;
import io.aio4j.Engine;
import io.aio4j.FileOption;
import io.aio4j.IoContext;
import io.aio4j.IoEvent;
import io.aio4j.IoFile;
import io.aio4j.IoRequest;
import io.aio4j.linux.abi.LibC;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * A fio-like random-read loop on the Linux AIO engine, one thread, for side-by-side runs with
 * {@code fio --ioengine=libaio}: 4 KiB (or --bs) random reads at a fixed depth, resubmitting as
 * completions arrive, one submit call per request as fio does by default. Prints IOPS,
 * submission latency per request (the submit call's duration; fio's slat) at p50/p99, process
 * CPU time per request, and the heap bytes allocated per request in steady state by all threads
 * (the JVM's own included) and by this one. Not a test, and not compiled by the build (it needs java.management, which the
 * module does not read): run it with the source launcher, from {@code aio4j-core} after
 * {@code ./mvnw -o compile}:
 *
 * <pre>
 * java --enable-native-access=ALL-UNNAMED -cp target/classes \
 *     src/test/bench/LinuxAioReadBench.java FILE DIRECT(0|1) DEPTH SECONDS [BS [WORKERS]]
 * </pre>
 *
 * With DIRECT=0 the file is dropped from the page cache first (fio's --invalidate=1), so the
 * reads are cold. The file must exist and be larger than a few MiB.
 */
public final class LinuxAioReadBench {
    private LinuxAioReadBench() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        boolean direct = args[1].equals("1");
        int depth = Integer.parseInt(args[2]);
        long nanos = TimeUnit.SECONDS.toNanos(Long.parseLong(args[3]));
        int bs = args.length > 4 ? Integer.parseInt(args[4]) : 4096;
        int workers = args.length > 5 ? Integer.parseInt(args[5]) : 0;
        var mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long[] slat = new long[8 << 20];
        int samples = 0;
        Arena arena = Arena.ofAuto(); // automatic: the core hands it to the engine without a copy
        try (IoContext ctx = IoContext.open(depth,
                ContextOptions.builder().engine(Engine.LINUX_AIO).workers(workers).build())) {
            IoFile f = direct ? ctx.openFile(file, FileOption.READ, FileOption.DIRECT) : ctx.openFile(file, FileOption.READ);
            if (!direct) {
                LibC.posixFadvise(f.fd(), 0, 0, LibC.POSIX_FADV_DONTNEED);
            }
            long blocks = f.size() / bs;
            SplittableRandom rnd = new SplittableRandom(42);
            IoRequest[] reqs = new IoRequest[depth];
            IoRequest[] again = new IoRequest[depth];
            IoEvent[] ev = IoEvent.array(depth);
            for (int i = 0; i < depth; i++) {
                reqs[i] = new IoRequest().prepRead(f, arena.allocate(bs, 4096), rnd.nextLong(blocks) * bs);
            }
            long start = System.nanoTime();
            long warm = start + nanos / 3;
            long end = start + nanos;
            long done = 0;
            long doneAtWarm = -1;
            long allocAtWarm = 0;
            long ownAllocAtWarm = 0;
            long cpuAtWarm = 0;
            long t0 = System.nanoTime();
            ctx.submit(reqs);
            long now = System.nanoTime();
            while (now < end) {
                int n = ctx.getEvents(1, ev, 0, depth, TimeUnit.SECONDS.toNanos(5));
                for (int i = 0; i < n; i++) {
                    if (ev[i].result() != bs) {
                        throw new IllegalStateException("short or failed read: " + ev[i]);
                    }
                    again[i] = ev[i].request().prepRead(f, ev[i].request().buffer(), rnd.nextLong(blocks) * bs);
                }
                done += n;
                for (int i = 0; i < n; i++) { // one submit per request, as fio does by default (iodepth_batch=1)
                    t0 = System.nanoTime();
                    ctx.submit(again[i]);
                    now = System.nanoTime();
                    if (doneAtWarm >= 0 && samples < slat.length) {
                        slat[samples++] = now - t0;
                    }
                }
                if (doneAtWarm < 0 && now >= warm) {
                    doneAtWarm = done;
                    allocAtWarm = mx.getTotalThreadAllocatedBytes();
                    ownAllocAtWarm = mx.getCurrentThreadAllocatedBytes();
                    cpuAtWarm = os.getProcessCpuTime();
                    start = now;
                }
            }
            long alloc = mx.getTotalThreadAllocatedBytes() - allocAtWarm;
            long ownAlloc = mx.getCurrentThreadAllocatedBytes() - ownAllocAtWarm;
            long cpu = os.getProcessCpuTime() - cpuAtWarm;
            long steady = done - doneAtWarm;
            double secs = (now - start) / 1e9;
            Arrays.sort(slat, 0, samples);
            System.out.printf("engine=linux_aio direct=%d bs=%d depth=%d iops=%.0f slat_p50_us=%.1f slat_p99_us=%.1f"
                    + " cpu_us_per_io=%.2f alloc_bytes_per_io=%.2f (this thread %.2f) ios=%d%n",
                    direct ? 1 : 0, bs, depth, steady / secs, slat[samples / 2] / 1e3, slat[(int) (samples * 0.99)] / 1e3,
                    cpu / 1e3 / steady, (double) alloc / steady, (double) ownAlloc / steady, steady);
        }
    }
}
