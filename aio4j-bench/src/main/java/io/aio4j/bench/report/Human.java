package io.aio4j.bench.report;

import java.util.Locale;

/** Numbers the way fio prints them for people: 3 significant digits and a unit prefix. */
public final class Human {
    private Human() {
    }

    /** A count: 950, 12.6k, 1.23M. */
    public static String count(double v) {
        if (v < 1000) {
            return String.valueOf(Math.round(v));
        }
        return scaled(v, 1000, new String[] {"", "k", "M", "G", "T"});
    }

    /** Bytes in IEC units: 512B, 49.3MiB. */
    public static String iec(double bytes) {
        return scaled(bytes, 1024, new String[] {"B", "KiB", "MiB", "GiB", "TiB", "PiB"});
    }

    /** Bytes in SI units: 51.7MB. */
    public static String si(double bytes) {
        return scaled(bytes, 1000, new String[] {"B", "kB", "MB", "GB", "TB", "PB"});
    }

    private static String scaled(double v, double base, String[] units) {
        int u = 0;
        while (v >= base && u < units.length - 1) {
            v /= base;
            u++;
        }
        String digits = v >= 100 || u == 0 ? String.format(Locale.ROOT, "%.0f", v)
                : v >= 10 ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%.2f", v);
        return digits + units[u];
    }

    /**
     * fio's latency unit for a range of nanoseconds: 0 nsec, 1 usec, 2 msec (scale down when the
     * smallest is above 2000 units and the largest above 99999).
     */
    public static int latencyScale(long min, long max) {
        if (min > 2_000_000 && max > 99_999_999L) {
            return 2;
        }
        return min > 2000 && max > 99_999 ? 1 : 0;
    }

    /** The name of a latency scale. */
    public static String scaleName(int scale) {
        return switch (scale) {
            case 2 -> "msec";
            case 1 -> "usec";
            default -> "nsec";
        };
    }

    /** Nanoseconds divided for a scale. */
    public static double scaleDown(double nanos, int scale) {
        return nanos / Math.pow(1000, scale);
    }
}
