package io.aio4j.bench.options;

import java.util.Locale;

/**
 * fio's spelling of sizes and times.
 *
 * <p>Sizes: a number with an optional suffix k/m/g/t/p, optionally followed by {@code b},
 * {@code ib} or {@code iB}, case-insensitive; every prefix is a power of 1024, as fio's default
 * {@code kb_base=1024} makes it ({@code 4k}, {@code 4K}, {@code 4KB}, {@code 4KiB} are all 4096).
 * Times: a number with an optional suffix us/ms/s/m/h/d; without one, {@code defaultUnitNanos}.
 */
public final class Units {
    private Units() {
    }

    /**
     * A size in bytes.
     *
     * @throws IllegalArgumentException naming {@code option} and the text when it is not a size
     */
    public static long size(String option, String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.endsWith("ib")) {
            t = t.substring(0, t.length() - 2);
        } else if (t.endsWith("b")) {
            t = t.substring(0, t.length() - 1);
        }
        int shift = 0;
        if (!t.isEmpty()) {
            switch (t.charAt(t.length() - 1)) {
                case 'k' -> shift = 10;
                case 'm' -> shift = 20;
                case 'g' -> shift = 30;
                case 't' -> shift = 40;
                case 'p' -> shift = 50;
                default -> shift = -1;
            }
            if (shift >= 0) {
                t = t.substring(0, t.length() - 1);
            } else {
                shift = 0;
            }
        }
        try {
            double v = Double.parseDouble(t);
            if (v < 0 || Double.isNaN(v) || t.isEmpty() || !Character.isDigit(t.charAt(t.length() - 1))) {
                throw new NumberFormatException(t);
            }
            double bytes = v * (1L << shift);
            if (bytes > Long.MAX_VALUE) {
                throw new NumberFormatException(t);
            }
            return (long) bytes;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + option + "=" + text + ": not a size (e.g. 4k, 256m, 1g, 64KiB)");
        }
    }

    /**
     * A duration in nanoseconds; a bare number is in {@code defaultUnitNanos} (fio: seconds for
     * runtime and ramp_time).
     *
     * @throws IllegalArgumentException naming {@code option} when it is not a duration
     */
    public static long timeNanos(String option, String text, long defaultUnitNanos) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        long unit = defaultUnitNanos;
        String[][] suffixes = {{"us", "1000"}, {"usec", "1000"}, {"ms", "1000000"}, {"msec", "1000000"},
            {"s", "1000000000"}, {"sec", "1000000000"}, {"m", "60000000000"}, {"min", "60000000000"},
            {"h", "3600000000000"}, {"d", "86400000000000"}};
        String best = "";
        for (String[] s : suffixes) {
            if (t.endsWith(s[0]) && s[0].length() > best.length()) {
                best = s[0];
                unit = Long.parseLong(s[1]);
            }
        }
        t = t.substring(0, t.length() - best.length());
        try {
            double v = Double.parseDouble(t);
            if (v < 0 || Double.isNaN(v)) {
                throw new NumberFormatException(t);
            }
            return (long) (v * unit);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + option + "=" + text + ": not a duration (e.g. 5, 500ms, 2m)");
        }
    }

    /**
     * A whole number.
     *
     * @throws IllegalArgumentException naming {@code option} when it is not one
     */
    public static long integer(String option, String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + option + "=" + text + ": not a whole number");
        }
    }

    /**
     * fio's boolean: 1/0, true/false, yes/no, on/off; an empty value (the bare option) is true.
     *
     * @throws IllegalArgumentException naming {@code option} otherwise
     */
    public static boolean bool(String option, String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "", "1", "true", "yes", "on" -> true;
            case "0", "false", "no", "off" -> false;
            default -> throw new IllegalArgumentException("--" + option + "=" + text + ": not a boolean (0 or 1)");
        };
    }
}
