package io.aio4j.linux.file;

import io.aio4j.FileOption;
import io.aio4j.IoRequest;
import io.aio4j.Op;
import io.aio4j.RwFlags;
import java.lang.foreign.MemorySegment;

/**
 * The Linux engines' rule for buffered writes to files on a device (Linux AIO's default ADAPTIVE
 * mode; io_uring outside SQPOLL): run them on the submitting thread while they prove to be
 * page-cache copies, and hand them on (to Linux AIO's workers, to the io_uring ring, whose kernel
 * punts them to its io-wq workers) for a while after one proves slow. One per context; the
 * submitter only (the core's submit lock).
 *
 * <p>Why: most buffered writes only copy into the page cache (1-5 us), while a worker hand-off
 * costs two thread switches (10-25 us here): seed 003's job on ext4 took 13 s with every write
 * offloaded against fio's 4.3 s and 2.2 s inline, and about as long through io_uring, for the
 * same reason. The file systems that could say "this would
 * block" (RWF_NOWAIT) do not for buffered writes here: ext4 and tmpfs answer EOPNOTSUPP.
 *
 * <p>A write is slow when it takes longer than {@value #SLOW_NANOS} ns plus {@value
 * #SLOW_NANOS_PER_KIB} ns per KiB (a copy at 1 GB/s, several times slower than memory): a write
 * that waited for the device (a partial page read from disk first, dirty-page throttling, block
 * allocation) or was preempted. After a slow write the next {@code penalty} writes are offloaded,
 * and the penalty doubles with each slow try in a row, from {@value #FIRST_PENALTY} up to
 * {@value #MAX_PENALTY}, so a device-bound stream blocks its submitter on about one write in
 * thousands, and a passing preemption costs a few hand-offs. A fast try resets the penalty.
 *
 * <p>Counting writes rather than time keeps this free of clock reads on the offloaded path and
 * of false alarms that last: a preempted try with 512 threads on two CPUs closes the gate for
 * eight writes, not for the rest of a short job.
 */
public final class WriteGate {
    static final long SLOW_NANOS = 50_000;
    static final long SLOW_NANOS_PER_KIB = 1_000;
    static final int FIRST_PENALTY = 8;
    static final int MAX_PENALTY = 4096;
    /** Per-request flags that keep a write away from the gate. */
    private static final int NOT_GOVERNED = RwFlags.RWF_NOWAIT | RwFlags.RWF_DSYNC | RwFlags.RWF_SYNC;

    /** Writes still to offload before the next inline try. */
    private int skip;
    private int penalty = FIRST_PENALTY;

    /**
     * Whether {@code r} is a write this gate decides on: buffered, outside link chains and DRAIN
     * (both {@link IoRequest#linkFlags()}), without the caller's RWF_NOWAIT, and not synchronous
     * (RWF_DSYNC, RWF_SYNC, or a file opened DSYNC or SYNC: each such write waits for the device,
     * so trying it inline would only block the submitter).
     */
    public static boolean governs(IoRequest r) {
        Op op = r.op();
        return (op == Op.PWRITE || op == Op.PWRITEV || op == Op.WRITE_FIXED) && r.linkFlags() == 0
                && (r.rwFlags() & NOT_GOVERNED) == 0 && !r.file().isDirect()
                && !r.file().options().contains(FileOption.DSYNC) && !r.file().options().contains(FileOption.SYNC);
    }

    /** Whether the next governed write runs inline; false consumes one of the penalty's writes. */
    public boolean inline() {
        if (skip == 0) {
            return true;
        }
        skip--;
        return false;
    }

    /**
     * Runs {@code r} on this thread and judges how long it took.
     *
     * @param iov room for the request's iovecs (see {@link SyncIo#run})
     * @return the write's result: bytes written or -errno
     */
    public long run(IoRequest r, MemorySegment iov) {
        long start = System.nanoTime();
        long result = SyncIo.run(r, iov, 0);
        long took = System.nanoTime() - start;
        judge(took, r.length());
        return result;
    }

    /** Records a write of {@code bytes} that took {@code nanos} (tests call it directly). */
    void judge(long nanos, long bytes) {
        if (nanos > SLOW_NANOS + (bytes >>> 10) * SLOW_NANOS_PER_KIB) {
            skip = penalty;
            penalty = Math.min(2 * penalty, MAX_PENALTY);
        } else {
            penalty = FIRST_PENALTY;
        }
    }
}
