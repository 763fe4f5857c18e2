package io.aio4j.channels;

import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/** The channel's synchronous waits: uninterruptible, as the JDK's force and close are. */
final class Blocking {
    private Blocking() {
    }

    /** Waits for {@code f} and rethrows its failure as the IOException it is. */
    static <V> V await(ChannelFuture<V> f) throws IOException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return f.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    Throwable c = e.getCause();
                    if (c instanceof IOException io) {
                        throw io;
                    }
                    if (c instanceof RuntimeException re) {
                        throw re;
                    }
                    throw new IOException(c);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Waits until {@code count} is 0; whoever brings it to 0 must notifyAll on it. */
    static void awaitZero(AtomicInteger count) {
        boolean interrupted = false;
        synchronized (count) {
            while (count.get() != 0) {
                try {
                    count.wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
