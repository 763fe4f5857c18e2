package io.aio4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aio4j.spi.Availability;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Engine choice: AUTO takes the best available engine and says why; an explicit choice never falls back. */
class EnginesTest {
    @Test
    void autoPicksAnAvailableEngineAndSaysWhy() throws Exception {
        Availability auto = IoContext.availability(Engine.AUTO);
        Assumptions.assumeTrue(auto.available(), () -> "no engine here: " + auto.reason());
        try (IoContext c = IoContext.open(4)) {
            EngineInfo info = c.engineInfo();
            assertThat(info.engine()).isNotEqualTo(Engine.AUTO);
            assertThat(IoContext.availability(info.engine()).available()).isTrue();
            assertThat(info.reason()).isNotBlank();
            assertThat(auto.reason()).as("AUTO's availability names its pick").startsWith(info.engine().toString());
            for (Engine better : List.of(Engine.IO_URING, Engine.LINUX_AIO, Engine.PORTABLE)) {
                if (better == info.engine()) {
                    break;
                }
                assertThat(info.reason()).as("AUTO explains why it passed over %s", better).contains(better.toString());
            }
        }
    }

    @Test
    void anExplicitEngineThatIsUnavailableFailsWithItsReason() {
        List<Engine> unavailable = new ArrayList<>();
        for (Engine e : List.of(Engine.IO_URING, Engine.LINUX_AIO, Engine.PORTABLE)) {
            if (!IoContext.availability(e).available()) {
                unavailable.add(e);
            }
        }
        Assumptions.assumeFalse(unavailable.isEmpty(), "every engine is available here");
        for (Engine e : unavailable) {
            String reason = IoContext.availability(e).reason();
            assertThat(reason).isNotBlank();
            assertThatThrownBy(() -> IoContext.open(4, ContextOptions.of(e)))
                    .isInstanceOfSatisfying(EngineUnavailableException.class, x -> assertThat(x.engine()).isEqualTo(e))
                    .hasMessageContaining(reason);
        }
    }

    @Test
    void availabilityOfNullIsNpe() {
        assertThatThrownBy(() -> IoContext.availability(null)).isInstanceOf(NullPointerException.class);
    }
}
