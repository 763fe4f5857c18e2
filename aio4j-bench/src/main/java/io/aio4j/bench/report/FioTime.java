package io.aio4j.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * fio's time stamps: ctime(3)'s layout in the local zone, "Sun Nov 22 08:33:34 2026", the day of
 * the month space-padded to two places ("Nov  2") as ctime pads it.
 */
public final class FioTime {
    private FioTime() {
    }

    /**
     * The formatter and the zone, in a holder so that {@link #loadInBackground()} does not build
     * them on the calling thread: the pattern's text lookups and the zone load take 35-50 ms of a
     * cold start, which fell on the main thread before the jobs when they were fields here.
     */
    private static final class Holder {
        static final DateTimeFormatter CTIME = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ROOT);
        static final ZoneId ZONE = localZone();
    }

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
     * Loads the zone's rules and the formatter on a daemon thread, at start: the first use reads
     * and parses the time-zone database (18-22 ms here), which otherwise fell in the report,
     * after the jobs, where nothing else runs.
     */
    public static void loadInBackground() {
        Thread.ofPlatform().daemon().name("aio4j-bench-clock").start(() -> format(System.currentTimeMillis()));
    }

    /** {@code epochMillis} as ctime prints it. */
    public static String format(long epochMillis) {
        return Holder.CTIME.format(Instant.ofEpochMilli(epochMillis).atZone(Holder.ZONE));
    }

    /** Now, in the local zone. */
    public static ZonedDateTime now() {
        return ZonedDateTime.now(Holder.ZONE);
    }

    /** A time as ctime prints it. */
    public static String format(ZonedDateTime t) {
        return Holder.CTIME.format(t);
    }
}
