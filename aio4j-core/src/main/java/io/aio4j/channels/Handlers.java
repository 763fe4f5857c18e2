package io.aio4j.channels;

import java.nio.channels.CompletionHandler;

/** Calls a CompletionHandler as the JDK's Invoker does: completed or failed, never both. */
final class Handlers {
    private Handlers() {
    }

    static <V, A> void invoke(CompletionHandler<V, ? super A> handler, A attachment, V value, Throwable failure) {
        if (failure == null) {
            handler.completed(value, attachment);
        } else {
            handler.failed(failure, attachment);
        }
    }
}
