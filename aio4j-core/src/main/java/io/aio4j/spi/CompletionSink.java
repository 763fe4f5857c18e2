package io.aio4j.spi;

/**
 * Where an engine delivers completions: one call per finished request, exactly once per accepted
 * request. Called only from within {@link EngineContext#reap} or {@link EngineContext#close}, on
 * the thread running them, never concurrently with itself (an engine's own threads hand their
 * completions to the reaper instead of calling the sink).
 */
@FunctionalInterface
public interface CompletionSink {
    /**
     * A request finished.
     *
     * @param tag the request's {@link io.aio4j.IoRequest#tag()} at submission
     * @param result bytes transferred, 0, or {@code -errno}
     * @param res2 the secondary result (io_event.res2 / CQE flags), usually 0
     */
    void complete(long tag, long result, long res2);
}
