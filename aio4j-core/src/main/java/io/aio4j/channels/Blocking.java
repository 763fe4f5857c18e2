package io.aio4j.channels;

import java.io.IOException;
import java.util.concurrent.ExecutionException;

/** The channel's synchronous wait (force): uninterruptible, as the JDK's force is. */
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
}
