package io.aio4j.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/** ctime(3)'s layout, as fio prints its time stamps. */
class FioTimeTest {
    @Test
    void dayOfMonthIsSpacePaddedAsCtimePadsIt() {
        ZoneId zone = ZoneId.systemDefault();
        assertThat(FioTime.format(ZonedDateTime.of(2026, 11, 2, 8, 3, 4, 0, zone))).isEqualTo("Mon Nov  2 08:03:04 2026");
        assertThat(FioTime.format(ZonedDateTime.of(2026, 11, 22, 18, 33, 34, 0, zone))).isEqualTo("Sun Nov 22 18:33:34 2026");
        long millis = ZonedDateTime.of(2026, 1, 5, 0, 0, 0, 0, zone).toInstant().toEpochMilli();
        assertThat(FioTime.format(millis)).isEqualTo("Mon Jan  5 00:00:00 2026");
    }
}
