package io.aio4j.bench.options;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * fio job files: INI sections, {@code [global]} setting defaults for the sections after it, job
 * sections inheriting them, {@code key=value} or a bare {@code key} for flags, and {@code ;} or
 * {@code #} starting a comment (at the start of a line, or after whitespace).
 */
public final class JobFileParser {
    private JobFileParser() {
    }

    /**
     * Parses a job file.
     *
     * @param inherited options every section starts from (the command line's globals)
     * @throws IllegalArgumentException naming the file and line of an unknown option, a bad value,
     *     an option outside any section or a command-line-only option
     * @throws IOException if the file cannot be read
     */
    public static List<Section> parse(Path file, Map<String, String> inherited) throws IOException {
        return parse(file, inherited, new ArrayList<>());
    }

    /**
     * As {@link #parse(Path, Map)}, adding the file's {@code [global]} assignments as written to
     * {@code writtenGlobals} (see {@link Invocation#writtenGlobals}).
     */
    public static List<Section> parse(Path file, Map<String, String> inherited, List<Map.Entry<String, String>> writtenGlobals)
            throws IOException {
        return parse(file.toString(), Files.readAllLines(file), inherited, writtenGlobals);
    }

    /** Parses job-file text; {@code source} names it in error messages. */
    public static List<Section> parse(String source, List<String> lines, Map<String, String> inherited) {
        return parse(source, lines, inherited, new ArrayList<>());
    }

    /** As {@link #parse(String, List, Map)}, adding the [global] assignments as written to {@code writtenGlobals}. */
    public static List<Section> parse(String source, List<String> lines, Map<String, String> inherited,
            List<Map.Entry<String, String>> writtenGlobals) {
        List<Section> jobs = new ArrayList<>();
        Assignments global = new Assignments(inherited);
        Assignments current = null;
        String currentName = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = stripComment(lines.get(i)).trim();
            if (line.isEmpty()) {
                continue;
            }
            String where = source + ":" + (i + 1) + ": ";
            if (line.startsWith("[")) {
                if (!line.endsWith("]") || line.length() < 3) {
                    throw new IllegalArgumentException(where + "bad section header: " + line);
                }
                if (current != null) {
                    jobs.add(new Section(currentName, current.values(), current.written()));
                }
                currentName = line.substring(1, line.length() - 1).trim();
                current = currentName.equals("global") ? null : new Assignments(global.values());
                if (current == null) {
                    currentName = null;
                }
                continue;
            }
            int eq = line.indexOf('=');
            String key = (eq < 0 ? line : line.substring(0, eq)).trim();
            String value = eq < 0 ? null : line.substring(eq + 1).trim();
            try {
                OptionTable.Spec spec = OptionTable.lookup(key);
                if (spec.scope() == OptionTable.Scope.COMMAND_LINE) {
                    throw new IllegalArgumentException("--" + spec.name() + " is a command-line option, not a job option");
                }
                if (spec.name().equals("name")) {
                    throw new IllegalArgumentException("name= in a job file: the [section] header names the job");
                }
                if (value == null && spec.kind() != OptionTable.Kind.FLAG) {
                    throw new IllegalArgumentException(key + " needs a value (" + key + "=...)");
                }
                if (current == null && currentName == null && !seenSection(lines, i)) {
                    throw new IllegalArgumentException(key + " appears before any [section]");
                }
                (current != null ? current : global).put(spec, value);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + e.getMessage(), e);
            }
        }
        if (current != null) {
            jobs.add(new Section(currentName, current.values(), current.written()));
        }
        writtenGlobals.addAll(global.written());
        return jobs;
    }

    private static boolean seenSection(List<String> lines, int before) {
        for (int i = 0; i < before; i++) {
            if (stripComment(lines.get(i)).trim().startsWith("[")) {
                return true;
            }
        }
        return false;
    }

    /** Removes a comment: a line starting with ; or #, or the rest after whitespace + ; or #. */
    static String stripComment(String line) {
        String t = line.stripLeading();
        if (t.startsWith(";") || t.startsWith("#")) {
            return "";
        }
        for (int i = 1; i < line.length(); i++) {
            char c = line.charAt(i);
            if ((c == ';' || c == '#') && Character.isWhitespace(line.charAt(i - 1))) {
                return line.substring(0, i);
            }
        }
        return line;
    }
}
