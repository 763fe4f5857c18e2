package io.aio4j.hardening;

import io.aio4j.ContextOptions;
import io.aio4j.Engine;
import io.aio4j.IoContext;
import io.aio4j.SetupFlag;
import io.aio4j.spi.Availability;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Assumptions;

/**
 * One engine configuration the hardening tests run on: the portable engine in its three modes,
 * io_uring and Linux AIO. Engines that are not available here are skipped with the reason from
 * {@link IoContext#availability}, so the same tests cover the native engines once they exist.
 *
 * @param name how the case shows in test names
 * @param options the context options
 */
public record EngineCase(String name, ContextOptions options) {
    /** Every engine configuration, available here or not (for {@code @MethodSource}). */
    public static List<EngineCase> all() {
        return List.of(
                new EngineCase("PORTABLE-inline", ContextOptions.of(Engine.PORTABLE)),
                new EngineCase("PORTABLE-SQ_THREAD", ContextOptions.of(Engine.PORTABLE, SetupFlag.SQ_THREAD)),
                new EngineCase("PORTABLE-SQ_WORKQUEUE", ContextOptions.of(Engine.PORTABLE, SetupFlag.SQ_WORKQUEUE)),
                new EngineCase("IO_URING", ContextOptions.of(Engine.IO_URING)),
                new EngineCase("LINUX_AIO", ContextOptions.of(Engine.LINUX_AIO)));
    }

    /** The same case with other options derived from its own. */
    public EngineCase with(String suffix, UnaryOperator<ContextOptions.Builder> change) {
        return new EngineCase(name + suffix, change.apply(options.toBuilder()).build());
    }

    /** Skips the calling test, with the engine's reason, if the engine is not available here. */
    public EngineCase assumeAvailable() {
        Availability a = IoContext.availability(options.engine());
        Assumptions.assumeTrue(a.available(), () -> options.engine() + " is not available here: " + a.reason());
        return this;
    }

    /** Whether the engine does its I/O during submit (nothing is ever really in flight). */
    public boolean inline() {
        return options.engine() == Engine.PORTABLE && !options.has(SetupFlag.SQ_THREAD) && !options.has(SetupFlag.SQ_WORKQUEUE);
    }

    @Override
    public String toString() {
        return name;
    }
}
