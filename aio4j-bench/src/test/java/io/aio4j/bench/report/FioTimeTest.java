package io.aio4j.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/** ctime(3)'s layout, as fio prints its time stamps. */
class FioTimeTest {
    @Test
    void theLocalZoneHasTheJdksOffsetsWhetherOrNotTheUtcShortcutApplies() {
        ZoneId ours = FioTime.localZone(); // first: the JDK's default sets user.timezone, which turns the shortcut off
        ZoneId jdk = ZoneId.systemDefault();
        for (String at : new String[] {"2026-01-15T12:00:00Z", "2026-07-15T12:00:00Z", "2026-11-22T08:33:34Z"}) {
            java.time.Instant i = java.time.Instant.parse(at);
            assertThat(ours.getRules().getOffset(i)).as(at).isEqualTo(jdk.getRules().getOffset(i));
        }
    }

    @Test
    void dayOfMonthIsSpacePaddedAsCtimePadsIt() {
        ZoneId zone = ZoneId.systemDefault();
        assertThat(FioTime.format(ZonedDateTime.of(2026, 11, 2, 8, 3, 4, 0, zone))).isEqualTo("Mon Nov  2 08:03:04 2026");
        assertThat(FioTime.format(ZonedDateTime.of(2026, 11, 22, 18, 33, 34, 0, zone))).isEqualTo("Sun Nov 22 18:33:34 2026");
        long millis = ZonedDateTime.of(2026, 1, 5, 0, 0, 0, 0, zone).toInstant().toEpochMilli();
        assertThat(FioTime.format(millis)).isEqualTo("Mon Jan  5 00:00:00 2026");
    }

    @Test
    void everyDayOfAYearIsWhatTheJdksCtimePatternPrints() {
        java.time.format.DateTimeFormatter ctime = java.time.format.DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy",
                java.util.Locale.ROOT);
        ZonedDateTime t = ZonedDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneId.of("UTC"));
        for (int day = 0; day < 366; day++) {
            ZonedDateTime at = t.plusDays(day).plusSeconds(day * 3_607L % 86_400);
            assertThat(FioTime.format(at)).isEqualTo(ctime.format(at));
        }
    }
}
