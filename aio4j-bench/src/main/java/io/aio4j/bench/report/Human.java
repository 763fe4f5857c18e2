package io.aio4j.bench.report;

import java.util.Locale;

/**
 * Numbers the way fio prints them for people (fio's {@code num2str} with its default 4 significant
 * figures): divide by 1000 or 1024 until at most 4 digits remain, then fill the rest of the 4 digits
 * with decimals from the last remainder. So 1 MiB prints as 1024KiB, 10 MiB as 10.0MiB and
 * 10,240,000 bytes as 9.77MiB, exactly as in fio's report.
 */
public final class Human {
    private static final int MAX_DIGITS = 4;
    private static final String[] SI = {"", "k", "M", "G", "T", "P"};
    private static final String[] IEC = {"", "Ki", "Mi", "Gi", "Ti", "Pi"};

    private Human() {
    }

    /** A count: 950, 12.6k, 256k, 1234k. Fractions are dropped first, as fio's integer figures are. */
    public static String count(double v) {
        return num2str(v, 1000, SI, "");
    }

    /** Bytes in IEC units: 512B, 1024KiB, 49.3MiB. */
    public static String iec(double bytes) {
        return num2str(bytes, 1024, IEC, "B");
    }

    /** Bytes in SI units: 1049kB, 51.7MB. */
    public static String si(double bytes) {
        return num2str(bytes, 1000, SI, "B");
    }

    private static String num2str(double value, int thousand, String[] prefix, String unit) {
        long num = value <= 0 || Double.isNaN(value) ? 0 : (long) value;
        int post = 0;
        long modulo = -1;
        boolean carry = false;
        while (post < prefix.length && Long.toString(num).length() > MAX_DIGITS) {
            modulo = num % thousand;
            num /= thousand;
            carry = modulo >= thousand / 2;
            post++;
        }
        if (post >= prefix.length) {
            post = 0; // as fio: beyond its largest prefix the number is printed bare
        }
        int room = MAX_DIGITS - Long.toString(num).length();
        if (modulo < 0 || room <= 1) {
            return (modulo >= 0 && carry ? num + 1 : num) + prefix[post] + unit;
        }
        String frac = String.format(Locale.ROOT, "%." + (room - 1) + "f", (double) modulo / thousand);
        if (frac.charAt(0) == '1') {
            num++; // the remainder rounded up to a whole unit, as fio does
        }
        return num + "." + frac.substring(2) + prefix[post] + unit;
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
