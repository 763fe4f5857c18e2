package io.aio4j.conformance;

import io.aio4j.ContextOptions;
import io.aio4j.Engine;

/** The conformance suite on the io_uring engine with default setup. */
class IoUringConformanceTest extends EngineConformanceTest {
    @Override
    protected ContextOptions options() {
        return ContextOptions.of(Engine.IO_URING);
    }
}
