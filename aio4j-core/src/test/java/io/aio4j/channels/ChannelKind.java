package io.aio4j.channels;

import io.aio4j.ContextOptions;
import io.aio4j.Engine;
import io.aio4j.IoContext;
import io.aio4j.async.IoDispatcher;
import java.io.IOException;
import java.nio.channels.AsynchronousFileChannel;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * The channels every side-by-side test runs on: the JDK's own, and aio4j's on each engine. The
 * tests assert what the JDK does, so the JDK row proves the assertions and the aio4j rows prove
 * the match. An engine that is unavailable here is skipped with its reason.
 */
enum ChannelKind {
    JDK(null),
    AIO4J_PORTABLE(Engine.PORTABLE),
    AIO4J_LINUX_AIO(Engine.LINUX_AIO),
    AIO4J_AUTO(Engine.AUTO);

    private static final ConcurrentHashMap<Engine, IoDispatcher> DISPATCHERS = new ConcurrentHashMap<>();

    private final Engine engine;

    ChannelKind(Engine engine) {
        this.engine = engine;
    }

    static Stream<ChannelKind> all() {
        return Stream.of(values());
    }

    /** The dispatcher of this kind's engine, shared by the test JVM (skips if unavailable). */
    IoDispatcher dispatcher() {
        var a = IoContext.availability(engine);
        Assumptions.assumeTrue(a.available(), () -> engine + " unavailable: " + a.reason());
        return DISPATCHERS.computeIfAbsent(engine, e -> {
            try {
                return IoDispatcher.open(64, ContextOptions.of(e));
            } catch (IOException ex) {
                throw new java.io.UncheckedIOException(ex);
            }
        });
    }

    AsynchronousFileChannel open(Path path, OpenOption... options) throws IOException {
        return open(path, Set.of(options), null);
    }

    AsynchronousFileChannel open(Path path, Set<? extends OpenOption> options, ExecutorService executor,
            FileAttribute<?>... attrs) throws IOException {
        if (engine == null) {
            return AsynchronousFileChannel.open(path, options, executor, attrs);
        }
        return Aio4jAsynchronousFileChannel.open(dispatcher(), path, options, executor, attrs);
    }
}
