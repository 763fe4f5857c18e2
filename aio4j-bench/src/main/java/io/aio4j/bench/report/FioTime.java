package io.aio4j.bench.report;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
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
        static final ZoneId ZONE = ZoneId.systemDefault();
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
