package io.aio4j.conformance;

/** The conformance suite on the Linux AIO engine with io.aio4j.linux.aio.buffered=kernel. */
class LinuxAioKernelConformanceTest extends LinuxAioModeConformanceTest {
    @Override
    String mode() {
        return "kernel";
    }
}
