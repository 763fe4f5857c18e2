package io.aio4j.conformance;

import io.aio4j.ContextOptions;
import io.aio4j.Engine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The conformance suite on the Linux AIO engine in one of its buffered modes, chosen with the
 * system property io.aio4j.linux.aio.buffered for the duration of each test (contexts are opened
 * inside the test, so they see it).
 */
abstract class LinuxAioModeConformanceTest extends EngineConformanceTest {
    private static final String PROPERTY = "io.aio4j.linux.aio.buffered";

    /** The property's value: adaptive, offload, inline or kernel. */
    abstract String mode();

    @BeforeEach
    final void selectMode() {
        System.setProperty(PROPERTY, mode());
    }

    @AfterEach
    final void defaultMode() {
        System.clearProperty(PROPERTY);
    }

    @Override
    protected final ContextOptions options() {
        return ContextOptions.of(Engine.LINUX_AIO);
    }
}
