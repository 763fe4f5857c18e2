package io.aio4j.bench.options;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One job as written: its name and its options in canonical spelling, inherited ones first
 * (command-line globals, then job-file [global] sections), its own last.
 *
 * @param name the job's name (fio's --name or [section] header)
 * @param options canonical option name to checked value, in the order they were given
 * @param written the job's own assignments as fio lists them under "job options": in the order
 *     written, repeats kept, canonical names with their values as written, a command-line job's
 *     {@code name} first, options given bare (flags such as {@code thread}) left out, inherited
 *     ones left out (they are the "global options")
 */
public record Section(String name, Map<String, String> options, List<Map.Entry<String, String>> written) {
    /** Copies the collections, keeping their order. */
    public Section {
        options = new LinkedHashMap<>(options);
        written = List.copyOf(written);
    }

    /** A section made in code, not written by a user: its options are its own, as written. */
    public Section(String name, Map<String, String> options) {
        this(name, options, List.copyOf(options.entrySet()));
    }

    /** The value of an option, or {@code fallback}. */
    public String get(String option, String fallback) {
        return options.getOrDefault(option, fallback);
    }
}
