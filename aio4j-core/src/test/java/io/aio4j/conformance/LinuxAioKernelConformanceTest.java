package io.aio4j.conformance;

import io.aio4j.ContextOptions;
import io.aio4j.Engine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The conformance suite on the Linux AIO engine with io.aio4j.linux.aio.buffered=kernel. */
class LinuxAioKernelConformanceTest extends EngineConformanceTest {
    private static final String PROPERTY = "io.aio4j.linux.aio.buffered";

    @BeforeEach
    void kernelMode() {
        System.setProperty(PROPERTY, "kernel");
    }

    @AfterEach
    void defaultMode() {
        System.clearProperty(PROPERTY);
    }

    @Override
    protected ContextOptions options() {
        return ContextOptions.of(Engine.LINUX_AIO);
    }
}
