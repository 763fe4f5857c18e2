package io.aio4j.conformance;

import io.aio4j.ContextOptions;
import io.aio4j.Engine;
import io.aio4j.SetupFlag;

/** The conformance suite on the portable engine with SQ_THREAD (a submitter thread). */
class PortableSqThreadConformanceTest extends EngineConformanceTest {
    @Override
    protected ContextOptions options() {
        return ContextOptions.of(Engine.PORTABLE, SetupFlag.SQ_THREAD);
    }
}
