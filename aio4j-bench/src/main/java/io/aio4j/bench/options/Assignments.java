package io.aio4j.bench.options;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Option assignments being collected for one scope (a global set or a job), checked as they come. */
final class Assignments {
    private final Map<String, String> values = new LinkedHashMap<>();
    /** This scope's own assignments that carry a value, as written (see {@link Section#written}). */
    private final List<Map.Entry<String, String>> written = new ArrayList<>();

    Assignments() {
    }

    Assignments(Map<String, String> inherited) {
        values.putAll(inherited);
    }

    /**
     * Checks and records {@code name=value} (value null when the option was given bare).
     *
     * @throws IllegalArgumentException for an unknown option or a bad value
     */
    void put(OptionTable.Spec spec, String value) {
        String v = OptionTable.check(spec, value);
        values.remove(spec.name()); // a later assignment moves to the end, as the last word
        values.put(spec.name(), v);
        if (value != null) {
            written.add(Map.entry(spec.name(), value.trim()));
        }
    }

    /** Records an assignment as written that {@link #put} does not hold (a command-line job's name). */
    void note(String name, String value) {
        written.add(Map.entry(name, value));
    }

    Map<String, String> values() {
        return values;
    }

    List<Map.Entry<String, String>> written() {
        return written;
    }
}
