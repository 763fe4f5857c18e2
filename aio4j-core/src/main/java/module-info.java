/**
 * aio4j: asynchronous file I/O on the model of Linux AIO and io_uring, over the FFM API.
 *
 * <p>Exports the API ({@code io.aio4j}) and the engine SPI ({@code io.aio4j.spi}). The engines
 * and the Linux ABI layer are internal. Run with {@code --enable-native-access=io.aio4j.core}.
 */
module io.aio4j.core {
    exports io.aio4j;
    exports io.aio4j.spi;

    // com.sun.nio.file.ExtendedOpenOption.DIRECT, for O_DIRECT through FileChannel on other OSes
    requires jdk.unsupported;

    uses io.aio4j.spi.EngineProvider;

    provides io.aio4j.spi.EngineProvider with
            io.aio4j.internal.pool.PortableProvider,
            io.aio4j.linux.uring.IoUringProvider;
}
