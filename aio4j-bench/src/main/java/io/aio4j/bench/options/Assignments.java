package io.aio4j.bench.options;

import java.util.LinkedHashMap;
import java.util.Map;

/** Option assignments being collected for one scope (a global set or a job), checked as they come. */
final class Assignments {
    private final Map<String, String> values = new LinkedHashMap<>();

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
    }

    Map<String, String> values() {
        return values;
    }
}
