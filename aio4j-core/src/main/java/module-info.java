/**
 * aio4j: asynchronous file I/O on the model of Linux AIO and io_uring, over the FFM API.
 *
 * <p>Exports the API ({@code io.aio4j}), the engine SPI ({@code io.aio4j.spi}) and the front ends
 * ({@code io.aio4j.channels}, {@code io.aio4j.async}, {@code io.aio4j.buffers}). The engines
 * and the Linux ABI layer are internal. Run with {@code --enable-native-access=io.aio4j.core}.
 */
module io.aio4j.core {
    exports io.aio4j;
    exports io.aio4j.spi;
    exports io.aio4j.channels;
    exports io.aio4j.async;
    exports io.aio4j.buffers;
    // the JFR event class is instrumented and read by jdk.jfr
    exports io.aio4j.jfr to jdk.jfr;

    requires jdk.jfr;

    // com.sun.nio.file.ExtendedOpenOption.DIRECT, for O_DIRECT through FileChannel on other OSes
    requires jdk.unsupported;

    uses io.aio4j.spi.EngineProvider;

    provides io.aio4j.spi.EngineProvider with
            io.aio4j.internal.pool.PortableProvider,
            io.aio4j.linux.uring.IoUringProvider,
            io.aio4j.linux.aio.LinuxAioProvider;
}
