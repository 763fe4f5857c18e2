package io.aio4j.conformance;

import io.aio4j.ContextOptions;
import io.aio4j.Engine;

/** The conformance suite on the portable engine in inline mode (submit runs each request on the caller). */
class PortableInlineConformanceTest extends EngineConformanceTest {
    @Override
    protected ContextOptions options() {
        return ContextOptions.of(Engine.PORTABLE);
    }
}
