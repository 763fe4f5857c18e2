package io.aio4j;

import io.aio4j.spi.Availability;
import io.aio4j.spi.EngineContext;
import io.aio4j.spi.EngineProvider;
import java.io.IOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds engines (ServiceLoader) and opens the one a context asks for. AUTO tries io_uring, then
 * Linux AIO, then portable, and says why it passed over each; the reason is logged once per
 * process through System.Logger and kept in {@link EngineInfo#reason()}.
 */
final class Engines {
    private static final System.Logger LOG = System.getLogger("io.aio4j");
    private static final List<Engine> AUTO_ORDER = List.of(Engine.IO_URING, Engine.LINUX_AIO, Engine.PORTABLE);
    private static final Map<Engine, EngineProvider> PROVIDERS = load();
    private static final Set<String> LOGGED = ConcurrentHashMap.newKeySet();

    private Engines() {
    }

    record Opened(EngineContext context, EngineInfo info) {
    }

    private static Map<Engine, EngineProvider> load() {
        Map<Engine, EngineProvider> m = new EnumMap<>(Engine.class);
        for (EngineProvider p : ServiceLoader.load(EngineProvider.class, Engines.class.getClassLoader())) {
            if (p.engine() != Engine.AUTO) {
                m.putIfAbsent(p.engine(), p);
            }
        }
        return m;
    }

    /** {@link EngineProvider#releaseIdle()} of every engine found. */
    static void releaseIdle() {
        PROVIDERS.values().forEach(EngineProvider::releaseIdle);
    }

    /** The availability of an engine here (AUTO: of the one AUTO would pick first). */
    static Availability availability(Engine engine) {
        if (engine == Engine.AUTO) {
            for (Engine e : AUTO_ORDER) {
                Availability a = availability(e);
                if (a.available()) {
                    return Availability.yes(e + ": " + a.reason());
                }
            }
            return Availability.no("no engine is available");
        }
        EngineProvider p = PROVIDERS.get(engine);
        return p == null ? Availability.no(engine + " is not built into this aio4j") : p.availability();
    }

    static Opened open(int entries, ContextOptions options) throws IOException {
        Engine asked = options.engine();
        if (asked != Engine.AUTO) {
            EngineProvider p = PROVIDERS.get(asked);
            Availability a = availability(asked);
            if (p == null || !a.available()) {
                throw new EngineUnavailableException(asked, a.reason());
            }
            EngineContext c = openOrExplain(p, entries, options);
            return new Opened(c, new EngineInfo(asked, "requested", c.downgrades()));
        }
        StringBuilder why = new StringBuilder();
        IOException last = null;
        for (Engine e : AUTO_ORDER) {
            Availability a = availability(e);
            if (!a.available()) {
                why.append(e).append(" unavailable: ").append(a.reason()).append("; ");
                continue;
            }
            try {
                EngineContext c = openOrExplain(PROVIDERS.get(e), entries, options);
                String reason = why.isEmpty() ? "first choice" : why + "chose " + e;
                if (!why.isEmpty() && LOGGED.add(reason)) {
                    LOG.log(System.Logger.Level.INFO, "aio4j AUTO engine: " + reason);
                }
                return new Opened(c, new EngineInfo(e, reason, c.downgrades()));
            } catch (IOException | UnsupportedOperationException ex) {
                why.append(e).append(" failed: ").append(ex.getMessage()).append("; ");
                last = ex instanceof IOException io ? io : last;
            }
        }
        IOException ex = new EngineUnavailableException(Engine.AUTO, why.toString());
        if (last != null) {
            ex.addSuppressed(last);
        }
        throw ex;
    }

    private static EngineContext openOrExplain(EngineProvider p, int entries, ContextOptions options) throws IOException {
        EngineContext c = p.open(entries, options);
        if (c == null) {
            throw new IOException(p.engine() + " returned no context");
        }
        EngineContext d = options.engineDecorator().apply(c);
        if (d == null) {
            c.close((tag, result, res2) -> { });
            throw new IllegalArgumentException("engineDecorator returned null for " + p.engine());
        }
        return d;
    }
}
