package io.aio4j.conformance;

import io.aio4j.ContextOptions;
import io.aio4j.Engine;
import io.aio4j.SetupFlag;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/**
 * The conformance suite on the portable engine's FileChannel backend (what runs off Linux),
 * chosen here with {@code -Daio4j.portable.io=channel} for the duration of this class, with
 * SQ_WORKQUEUE so the I/O runs on worker threads.
 */
class PortableChannelConformanceTest extends EngineConformanceTest {
    private static final String BACKEND = "aio4j.portable.io";

    @BeforeAll
    static void useChannels() {
        System.setProperty(BACKEND, "channel");
    }

    @AfterAll
    static void restore() {
        System.clearProperty(BACKEND);
    }

    @Override
    protected ContextOptions options() {
        return ContextOptions.of(Engine.PORTABLE, SetupFlag.SQ_WORKQUEUE);
    }

    // FileChannel has no RWF_NOWAIT: the backend answers -EOPNOTSUPP, as the kernel does for files
    // that cannot honour it, and reports "no RWF_NOWAIT" in EngineInfo.downgrades().
    @Override
    @Test
    @Disabled("FileChannel backend: RWF_NOWAIT gives -EOPNOTSUPP")
    public void nowaitReadOfCachedDataSucceeds() {
    }

    @Override
    @Test
    @Disabled("FileChannel backend: RWF_NOWAIT gives -EOPNOTSUPP")
    public void aNowaitReadOfColdDataIsEagainOrTheData() {
    }
}
