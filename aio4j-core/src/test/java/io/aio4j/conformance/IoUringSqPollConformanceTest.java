package io.aio4j.conformance;

import io.aio4j.ContextOptions;
import io.aio4j.Engine;
import io.aio4j.SetupFlag;

/** The conformance suite on the io_uring engine with SQ_THREAD (SQPOLL). */
class IoUringSqPollConformanceTest extends EngineConformanceTest {
    @Override
    protected ContextOptions options() {
        return ContextOptions.of(Engine.IO_URING, SetupFlag.SQ_THREAD);
    }
}
