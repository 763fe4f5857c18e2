package io.aio4j.conformance;

import io.aio4j.ContextOptions;
import io.aio4j.Engine;
import io.aio4j.SetupFlag;

/** The conformance suite on the portable engine with SQ_WORKQUEUE (a pool of workers). */
class PortableWorkqueueConformanceTest extends EngineConformanceTest {
    @Override
    protected ContextOptions options() {
        return ContextOptions.of(Engine.PORTABLE, SetupFlag.SQ_WORKQUEUE);
    }
}
