package io.aio4j.bench.options;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One job as written: its name and its options in canonical spelling, inherited ones first
 * (command-line globals, then job-file [global] sections), its own last.
 *
 * @param name the job's name (fio's --name or [section] header)
 * @param options canonical option name to checked value, in the order they were given
 */
public record Section(String name, Map<String, String> options) {
    /** Copies the map, keeping its order. */
    public Section {
        options = new LinkedHashMap<>(options);
    }

    /** The value of an option, or {@code fallback}. */
    public String get(String option, String fallback) {
        return options.getOrDefault(option, fallback);
    }
}
