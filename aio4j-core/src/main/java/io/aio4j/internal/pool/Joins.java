package io.aio4j.internal.pool;

/** Joins an engine thread, keeping the caller's interrupt status. */
final class Joins {
    private Joins() {
    }

    static void join(Thread t) {
        boolean interrupted = false;
        while (t.isAlive()) {
            try {
                t.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
