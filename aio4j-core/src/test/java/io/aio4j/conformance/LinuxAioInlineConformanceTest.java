package io.aio4j.conformance;

/** The conformance suite on the Linux AIO engine with io.aio4j.linux.aio.buffered=inline. */
class LinuxAioInlineConformanceTest extends LinuxAioModeConformanceTest {
    @Override
    String mode() {
        return "inline";
    }
}
