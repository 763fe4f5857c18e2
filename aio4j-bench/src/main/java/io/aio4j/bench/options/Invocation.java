package io.aio4j.bench.options;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bench command line, parsed the way fio parses its own: {@code --opt=value} (or
 * {@code --opt value}, or one dash), options before the first {@code --name} are globals,
 * {@code --name} starts a job that takes the options after it, other words are job files.
 * Command-line jobs come first, then each job file's sections; both inherit the globals, and a
 * job file's {@code [global]} overrides them for the sections after it (fio's order).
 *
 * @param commandLine command-line-only options (output-format, output, eta, compare-fio, plot, help)
 * @param globals the global job options given on the command line
 * @param jobs every job as written, before numjobs expansion, in order
 * @param writtenGlobals the global assignments as fio lists them under "global options": the
 *     command line's before the first {@code --name}, then the job files' {@code [global]}
 *     sections', in order, repeats kept, bare flags left out
 */
public record Invocation(Map<String, String> commandLine, Map<String, String> globals, List<Section> jobs,
        List<Map.Entry<String, String>> writtenGlobals) {
    /** Copies the collections. */
    public Invocation {
        commandLine = Map.copyOf(commandLine);
        globals = new LinkedHashMap<>(globals);
        jobs = List.copyOf(jobs);
        writtenGlobals = List.copyOf(writtenGlobals);
    }

    /**
     * Parses the arguments after {@code bench}.
     *
     * @throws IllegalArgumentException for an unknown option ("unknown option: --x"), a missing
     *     or bad value, or a bad job file line
     * @throws IOException if a job file cannot be read
     */
    public static Invocation parse(List<String> args) throws IOException {
        Map<String, String> cli = new LinkedHashMap<>();
        Assignments globals = new Assignments();
        List<Section> cliJobs = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        String jobName = null;
        Assignments job = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("-") || arg.equals("-")) {
                files.add(Path.of(arg));
                continue;
            }
            String body = arg.startsWith("--") ? arg.substring(2) : arg.substring(1);
            int eq = body.indexOf('=');
            String name = eq < 0 ? body : body.substring(0, eq);
            String value = eq < 0 ? null : body.substring(eq + 1);
            OptionTable.Spec spec = OptionTable.lookup(name);
            if (value == null && spec.kind() != OptionTable.Kind.FLAG) {
                if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
                    throw new IllegalArgumentException("--" + spec.name() + " needs a value");
                }
                value = args.get(++i);
            }
            if (spec.scope() == OptionTable.Scope.COMMAND_LINE) {
                cli.put(spec.name(), OptionTable.check(spec, value));
            } else if (spec.name().equals("name")) {
                if (job != null) {
                    cliJobs.add(new Section(jobName, job.values(), job.written()));
                }
                jobName = OptionTable.check(spec, value);
                job = new Assignments(globals.values());
                job.note(spec.name(), jobName);
            } else {
                (job != null ? job : globals).put(spec, value);
            }
        }
        if (job != null) {
            cliJobs.add(new Section(jobName, job.values(), job.written()));
        }
        List<Section> all = new ArrayList<>(cliJobs);
        List<Map.Entry<String, String>> writtenGlobals = new ArrayList<>(globals.written());
        for (Path f : files) {
            all.addAll(JobFileParser.parse(f, globals.values(), writtenGlobals));
        }
        return new Invocation(cli, globals.values(), all, writtenGlobals);
    }

    /** A command-line-only option's value, or {@code fallback}. */
    public String cli(String option, String fallback) {
        return commandLine.getOrDefault(option, fallback);
    }

    /** Whether the output is JSON (json or json+). */
    public boolean json() {
        return cli("output-format", "normal").startsWith("json");
    }

    /** Whether the output is fio's json+: JSON with the latency bins next to each percentile map. */
    public boolean jsonPlus() {
        return cli("output-format", "normal").equals("json+");
    }
}
