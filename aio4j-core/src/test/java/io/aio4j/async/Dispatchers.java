package io.aio4j.async;

import io.aio4j.ContextOptions;
import io.aio4j.Engine;
import io.aio4j.IoContext;
import java.io.IOException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/** Engines the async front-end tests run on; an unavailable one is skipped with its reason. */
final class Dispatchers {
    private Dispatchers() {
    }

    static Stream<Engine> engines() {
        return Stream.of(Engine.PORTABLE, Engine.LINUX_AIO, Engine.AUTO);
    }

    static IoDispatcher open(Engine engine, int entries) throws IOException {
        var a = IoContext.availability(engine);
        Assumptions.assumeTrue(a.available(), () -> engine + " unavailable: " + a.reason());
        return IoDispatcher.open(entries, ContextOptions.of(engine));
    }
}
