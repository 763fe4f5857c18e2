package io.aio4j.linux.aio;

import static io.aio4j.linux.aio.AioTestFiles.assumeAio;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aio4j.ContextOptions;
import io.aio4j.Engine;
import io.aio4j.spi.CompletionSink;
import io.aio4j.spi.EngineContext;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The engine below the core: wakeup ends an unbounded reap, and is sticky; the mode property is checked. */
@Timeout(30)
class LinuxAioWakeupTest {
    private static final CompletionSink NONE = (tag, result, res2) -> {
        throw new AssertionError("no request was submitted, yet tag " + tag + " completed");
    };

    @Test
    void wakeupEndsAnUnboundedReapAndIsSticky() throws Exception {
        assumeAio();
        EngineContext c = new LinuxAioProvider().open(4, ContextOptions.of(Engine.LINUX_AIO));
        try {
            c.wakeup(); // nobody waits yet: the next reap that would wait returns at once
            assertThat(c.reap(NONE, 4, 1, -1)).isZero();
            CompletableFuture<Integer> waiter = CompletableFuture.supplyAsync(() -> c.reap(NONE, 4, 1, -1));
            Thread.sleep(50); // let it reach the wait; the test holds either way (sticky)
            c.wakeup();
            assertThat(waiter.get(10, TimeUnit.SECONDS)).isZero();
        } finally {
            c.close(NONE);
        }
        assertThat(c.eventFd()).isEqualTo(-1);
    }

    @Test
    void anUnknownBufferedModeIsRefusedByName() {
        System.setProperty(BufferedMode.PROPERTY, "sideways");
        try {
            assertThatThrownBy(BufferedMode::fromProperty).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(BufferedMode.PROPERTY + "=sideways");
        } finally {
            System.clearProperty(BufferedMode.PROPERTY);
        }
        assertThat(BufferedMode.fromProperty()).isEqualTo(BufferedMode.ADAPTIVE);
    }
}
