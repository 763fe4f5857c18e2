package io.aio4j.linux.aio;

import io.aio4j.linux.abi.AioSyscalls;
import java.util.Iterator;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;

/**
 * Kernel AIO contexts kept for reuse after their {@link LinuxAioContext} closed. io_destroy waits
 * for an RCU grace period (about 33 ms on this kind of machine), which made opening and closing a
 * Linux AIO context cost 33 ms. A context whose every request has been reaped holds nothing of its
 * old user: its ring is empty (head == tail) and each iocb names its own eventfd. So close offers
 * it here, and the next open of the same size takes it instead of calling io_setup.
 *
 * <p>At most {@link #MAX} contexts are kept; beyond that close destroys them. They count against
 * fs.aio-max-nr until reused, until {@link io.aio4j.IoContext#releaseIdleResources()} hands them to
 * background threads to destroy, or until the process exits (the kernel frees them then); when
 * io_setup finds that limit exhausted, the pool is emptied and io_setup tried once more. Turned off
 * with {@code -Dio.aio4j.linux.aio.reuseContexts=false}. Thread-safe; not on the I/O path.
 */
final class KernelContextPool {
    /** The most idle contexts kept. */
    static final int MAX = 16;
    static final boolean ENABLED = Boolean.parseBoolean(System.getProperty("io.aio4j.linux.aio.reuseContexts", "true"));

    private record Idle(int nr, long ctx) {
    }

    private static final ConcurrentLinkedQueue<Idle> IDLE = new ConcurrentLinkedQueue<>();
    private static final AtomicInteger SIZE = new AtomicInteger();

    private KernelContextPool() {
    }

    /** An idle context set up with {@code nr} events, taken out of the pool; 0 if there is none. */
    static long take(int nr) {
        for (Iterator<Idle> it = IDLE.iterator(); it.hasNext(); ) {
            Idle i = it.next();
            if (i.nr() == nr && IDLE.remove(i)) {
                SIZE.decrementAndGet();
                return i.ctx();
            }
        }
        return 0;
    }

    /**
     * Keeps an idle context (every request reaped, ring empty) for reuse.
     *
     * @return false if the pool is full or off: the caller destroys the context
     */
    static boolean offer(int nr, long ctx) {
        if (!ENABLED) {
            return false;
        }
        if (SIZE.incrementAndGet() > MAX) {
            SIZE.decrementAndGet();
            return false;
        }
        IDLE.add(new Idle(nr, ctx));
        return true;
    }

    /** Destroys every idle context (io_setup found fs.aio-max-nr exhausted); returns how many. */
    static int drain() {
        return drain(AioSyscalls::ioDestroy);
    }

    /**
     * Destroys every idle context without making the caller wait: one daemon thread per context,
     * so that their RCU grace periods overlap (io_destroy blocks for two of them; one after the
     * other, 16 contexts would take half a second). Platform threads, since a virtual thread in
     * a native call holds its carrier. Returns how many were handed off.
     */
    static int drainInBackground() {
        return drain(ctx -> Thread.ofPlatform().daemon().name("aio4j-io-destroy").start(() -> AioSyscalls.ioDestroy(ctx)));
    }

    /** Takes every idle context out of the pool and hands each to {@code destroy}; returns how many. */
    private static int drain(LongConsumer destroy) {
        int n = 0;
        for (Idle i; (i = IDLE.poll()) != null; n++) {
            SIZE.decrementAndGet();
            destroy.accept(i.ctx());
        }
        return n;
    }

    /** How many idle contexts are kept (tests). */
    static int size() {
        return SIZE.get();
    }
}
