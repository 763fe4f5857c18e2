package io.aio4j.internal.pool;

import io.aio4j.ContextOptions;
import io.aio4j.Engine;
import io.aio4j.linux.abi.Native;
import io.aio4j.linux.abi.Syscalls;
import io.aio4j.spi.Availability;
import io.aio4j.spi.EngineContext;
import io.aio4j.spi.EngineProvider;

/**
 * The portable engine: pure Java, available wherever a JDK 25 runs. On Linux (x86-64, aarch64)
 * it performs I/O with libc through FFM (pread, preadv2 with RWF flags); elsewhere, or with
 * {@code -Daio4j.portable.io=channel}, with FileChannel.
 */
public final class PortableProvider implements EngineProvider {
    /** System property choosing the backend: {@code libc} (default on Linux) or {@code channel}. */
    public static final String BACKEND_PROPERTY = "aio4j.portable.io";

    @Override
    public Engine engine() {
        return Engine.PORTABLE;
    }

    @Override
    public Availability availability() {
        return Availability.yes("pure Java, " + (useLibc() ? "libc backend" : "FileChannel backend"));
    }

    @Override
    public EngineContext open(int entries, ContextOptions options) {
        return new PortableContext(entries, options, useLibc() ? new LibcFileIo() : new ChannelFileIo());
    }

    static boolean useLibc() {
        return Native.IS_LINUX && Syscalls.known() && !"channel".equals(System.getProperty(BACKEND_PROPERTY));
    }
}
