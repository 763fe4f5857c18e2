package io.aio4j.bench.report;

import java.util.Locale;

/**
 * A small streaming JSON writer in fio's layout ({@code "key" : value}, two-space indents,
 * doubles with six decimals), so the output reads like fio's and diffs cleanly against it.
 */
final class JsonOut {
    private final StringBuilder out = new StringBuilder();
    private int depth;
    private boolean first = true;

    JsonOut begin(String key) {
        key(key);
        out.append('{');
        depth++;
        first = true;
        return this;
    }

    JsonOut beginArray(String key) {
        key(key);
        out.append('[');
        depth++;
        first = true;
        return this;
    }

    JsonOut end() {
        close('}');
        return this;
    }

    JsonOut endArray() {
        close(']');
        return this;
    }

    JsonOut field(String key, long v) {
        key(key);
        out.append(v);
        return this;
    }

    JsonOut field(String key, double v) {
        key(key);
        out.append(Double.isFinite(v) ? String.format(Locale.ROOT, "%.6f", v) : "0.000000");
        return this;
    }

    JsonOut field(String key, String v) {
        key(key);
        quote(v);
        return this;
    }

    private void close(char c) {
        depth--;
        if (!first) {
            newline();
        }
        out.append(c);
        first = false;
    }

    /** Starts a value: a comma if needed, a new line, the key if any. */
    private void key(String key) {
        if (depth > 0) {
            if (!first) {
                out.append(',');
            }
            newline();
        }
        first = false;
        if (key != null) {
            quote(key);
            out.append(" : ");
        }
    }

    private void newline() {
        out.append('\n');
        out.append("  ".repeat(depth));
    }

    private void quote(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    @Override
    public String toString() {
        return out + "\n";
    }
}
