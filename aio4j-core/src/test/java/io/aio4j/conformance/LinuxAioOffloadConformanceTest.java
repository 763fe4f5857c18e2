package io.aio4j.conformance;

/** The conformance suite on the Linux AIO engine with io.aio4j.linux.aio.buffered=offload (every buffered write on a worker). */
class LinuxAioOffloadConformanceTest extends LinuxAioModeConformanceTest {
    @Override
    String mode() {
        return "offload";
    }
}
