package io.aio4j.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * fio's time stamps: ctime(3)'s layout in the local zone, "Sun Nov 22 08:33:34 2026", the day of
 * the month space-padded to two places ("Nov  2") as ctime pads it.
 */
public final class FioTime {
    private FioTime() {
    }

    /**
     * The zone, in a holder so that {@link #loadInBackground()} does not look it up on the calling
     * thread (see {@link #localZone()}).
     */
    private static final class Holder {
        static final ZoneId ZONE = localZone();
    }

    /** ctime's names, in java.time's order (Monday first). */
    private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

    /** Zone files that are UTC, as /etc/localtime may link to them. */
    private static final List<String> UTC_FILES = List.of("/UTC", "/UCT", "/Universal", "/Zulu", "/GMT", "/GMT0",
            "/GMT+0", "/GMT-0", "/Greenwich");

    /**
     * The local zone. When nothing names another (no TZ, no user.timezone) and /etc/localtime
     * links to a UTC zone file, UTC itself: ZoneId.systemDefault() would find the same, but only
     * after reading the whole time-zone database (tzdb.dat), whose reads C2 then compiled ahead
     * of the jobs' I/O path in some runs (73 ms of compile time). Otherwise the JDK's answer.
     */
    static ZoneId localZone() {
        String tz = System.getenv("TZ");
        String property = System.getProperty("user.timezone", "");
        if ((tz == null || tz.isEmpty()) && property.isEmpty()) {
            try {
                String target = Files.readSymbolicLink(Path.of("/etc/localtime")).toString();
                for (String utc : UTC_FILES) {
                    if (target.endsWith(utc) && target.contains("zoneinfo")) {
                        return ZoneOffset.UTC;
                    }
                }
            } catch (IOException | UnsupportedOperationException | SecurityException e) {
                // not a link, or no such file: the JDK looks further
            }
        }
        return ZoneId.systemDefault();
    }

    /**
     * Loads the zone's rules on a daemon thread, at start: the first use reads and parses the
     * time-zone database (18-22 ms here), which otherwise fell in the report, after the jobs,
     * where nothing else runs.
     */
    public static void loadInBackground() {
        Thread.ofPlatform().daemon().name("aio4j-bench-clock").start(() -> format(System.currentTimeMillis()));
    }

    /** {@code epochMillis} as ctime prints it. */
    public static String format(long epochMillis) {
        return format(Instant.ofEpochMilli(epochMillis).atZone(Holder.ZONE));
    }

    /** Now, in the local zone. */
    public static ZonedDateTime now() {
        return ZonedDateTime.now(Holder.ZONE);
    }

    /**
     * A time as ctime prints it ("%.3s %.3s%3d %.2d:%.2d:%.2d %d"). Built by hand: a
     * DateTimeFormatter's day and month names come through the locale providers, which compile
     * a regular expression per name and had C2 compile the matcher (20-40 ms at every start).
     */
    public static String format(ZonedDateTime t) {
        StringBuilder b = new StringBuilder(24);
        b.append(DAYS[t.getDayOfWeek().getValue() - 1]).append(' ').append(MONTHS[t.getMonthValue() - 1]).append(' ');
        if (t.getDayOfMonth() < 10) {
            b.append(' ');
        }
        b.append(t.getDayOfMonth()).append(' ');
        twoDigits(b, t.getHour()).append(':');
        twoDigits(b, t.getMinute()).append(':');
        twoDigits(b, t.getSecond()).append(' ');
        return b.append(t.getYear()).toString();
    }

    private static StringBuilder twoDigits(StringBuilder b, int v) {
        return b.append((char) ('0' + v / 10)).append((char) ('0' + v % 10));
    }
}
