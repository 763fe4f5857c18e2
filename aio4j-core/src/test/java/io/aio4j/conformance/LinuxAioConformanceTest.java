package io.aio4j.conformance;

import io.aio4j.ContextOptions;
import io.aio4j.Engine;

/** The conformance suite on the Linux AIO engine, in its default (adaptive) mode. */
class LinuxAioConformanceTest extends EngineConformanceTest {
    @Override
    protected ContextOptions options() {
        return ContextOptions.of(Engine.LINUX_AIO);
    }
}
