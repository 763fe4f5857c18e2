package io.aio4j.linux.uring;

/** The process-wide {@link Waker}, created on first use (null when MSG_RING is missing). */
final class Wakers {
    private static Waker shared;
    private static boolean tried;

    private Wakers() {
    }

    static synchronized Waker shared(Capabilities caps) {
        if (!tried) {
            tried = true;
            shared = Waker.create(caps);
        }
        return shared;
    }
}
