package io.aio4j;

/**
 * Test access to a request's tag, so engine tests can drive an {@link io.aio4j.spi.EngineContext}
 * directly, as the core would after binding the request to a slot.
 */
public final class RequestTags {
    private RequestTags() {
    }

    /** Gives {@code r} the tag {@code tag}, as {@link IoContext#submit} does. */
    public static IoRequest tagged(IoRequest r, long tag) {
        r.tag = tag;
        return r;
    }
}
