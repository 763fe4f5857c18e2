package io.aio4j.conformance;

import io.aio4j.ContextOptions;
import io.aio4j.IoContext;
import io.aio4j.SetupFlag;
import io.aio4j.spi.Availability;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine conformance suite: what every engine must do, checked on real files. Each engine
 * adds a subclass that names its options:
 *
 * <pre>{@code
 * class IoUringConformanceTest extends EngineConformanceTest {
 *     protected ContextOptions options() { return ContextOptions.of(Engine.IO_URING); }
 * }
 * }</pre>
 *
 * <p>An engine that is not available here makes every case abort (reported skipped, with the
 * reason), never pass. The cases live in the {@code *Cases} interfaces, one per subject, as
 * default methods; this class supplies their fixture: one context per test (opened on first use)
 * and everything released after the test, with a bound on how long closing may take.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
public abstract class EngineConformanceTest implements OpCases, EofCases, VectoredCases, DirectIoCases,
        BackPressureCases, UserDataCases, ConcurrencyCases, CancelCases, CloseCases, ErrorEventCases,
        BufferKindCases, MisuseCases, GetEventsCases, RingCases, FlagCases, FileCases, ContextCases,
        ColdReadCases, ArenaCloseCases, ZeroCopyCases {
    @TempDir
    Path tempDir;

    private final List<IoContext> contexts = new ArrayList<>();
    private IoContext ctx;
    private Arena arena;

    /** The options of the engine under test; flags that a case needs are added to them. */
    protected abstract ContextOptions options();

    @BeforeEach
    final void requireEngine() {
        Availability a = IoContext.availability(options().engine());
        if (!a.available()) {
            Assumptions.abort(options().engine() + " unavailable: " + a.reason());
        }
        arena = Arena.ofShared();
    }

    @AfterEach
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    final void closeEverything() {
        for (IoContext c : contexts) {
            c.close();
        }
        contexts.clear();
        if (arena != null) {
            arena.close();
        }
    }

    @Override
    public final ContextOptions suiteOptions() {
        return options();
    }

    @Override
    public final IoContext ctx() throws IOException {
        if (ctx == null) {
            ctx = open(CAPACITY);
        }
        return ctx;
    }

    @Override
    public final IoContext open(int entries, SetupFlag... extraFlags) throws IOException {
        ContextOptions.Builder b = options().toBuilder();
        for (SetupFlag f : extraFlags) {
            b.flag(f);
        }
        IoContext c = IoContext.open(entries, b.build());
        contexts.add(c);
        return c;
    }

    @Override
    public final Path dir() {
        return tempDir;
    }

    @Override
    public final Arena arena() {
        return arena;
    }
}
