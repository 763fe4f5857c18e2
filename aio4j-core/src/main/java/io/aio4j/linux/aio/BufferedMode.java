package io.aio4j.linux.aio;

import java.util.Locale;

/**
 * Where the Linux AIO engine runs I/O on files opened without O_DIRECT, for which the kernel's
 * AIO is synchronous: io_submit does the whole read or write (seed 004, KERNEL.md 4.5).
 *
 * <p>Chosen per process with the system property {@value #PROPERTY} ({@code adaptive},
 * {@code offload}, {@code inline} or {@code kernel}); the default is {@link #ADAPTIVE}, and a
 * context opened with {@link io.aio4j.SetupFlag#SQ_WORKQUEUE} or {@link io.aio4j.SetupFlag#SQ_THREAD}
 * (a caller that asked for the I/O to leave its thread) always uses {@link #OFFLOAD}. In every mode
 * O_DIRECT reads, writes, fsync and fdatasync go to the kernel with io_submit; NOOP completes in
 * user space; a request that carries RWF_NOWAIT itself is answered inline (its result, or
 * -EAGAIN), never handed on. In ADAPTIVE, OFFLOAD and INLINE, buffered I/O on a memory-backed
 * file (tmpfs, ramfs: {@link io.aio4j.IoFile#isMemoryBacked()}) runs inline on the submitting
 * thread: it never waits for a device, and RWF_NOWAIT cannot try it there (EOPNOTSUPP), so a
 * hand-off would be pure cost.
 */
enum BufferedMode {
    /**
     * The default: reads as in OFFLOAD; a write runs on the submitting thread while writes prove to
     * be page-cache copies, and goes to the workers for a while after one proved slow
     * ({@link io.aio4j.linux.file.WriteGate}); fsync, fdatasync and fallocate go to the workers.
     * Submission blocks at most on the rare write that tries the page cache and finds the device.
     */
    ADAPTIVE,
    /**
     * Seed 002's SQ workqueue: reads are tried inline with preadv2(RWF_NOWAIT) and
     * handed to a worker only if they would block; writes, fsync, fdatasync and fallocate go to
     * the workers. io_submit never runs buffered I/O, so submission never blocks on it.
     */
    OFFLOAD,
    /**
     * "The caller asks for inline": reads as in OFFLOAD, but writes, fsync, fdatasync and
     * fallocate run on the submitting thread (blocking it for as long as they take), which saves
     * the hand-off for callers whose writes only fill the page cache.
     */
    INLINE,
    /**
     * Plain Linux AIO, as fio's libaio engine does it: buffered requests go to io_submit too, which
     * blocks until the buffered read or write is done. For comparisons; fallocate still goes to
     * the workers.
     */
    KERNEL;

    /** The system property that selects the mode. */
    static final String PROPERTY = "io.aio4j.linux.aio.buffered";

    /**
     * The mode the property asks for.
     *
     * @throws IllegalArgumentException for a value that is not one of the four, naming it
     */
    static BufferedMode fromProperty() {
        String v = System.getProperty(PROPERTY, "adaptive").trim().toUpperCase(Locale.ROOT);
        try {
            return valueOf(v);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(PROPERTY + "=" + System.getProperty(PROPERTY)
                    + " is not one of adaptive, offload, inline, kernel", e);
        }
    }
}
