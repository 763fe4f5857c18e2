package io.aio4j.bench;

import java.util.Arrays;
import java.util.List;

/**
 * The aio4j CLI: {@code ./aio4j bench [fio options] [job files]}. With no job, bench runs the
 * default comparison of every engine. Exit status: 0 on success, 1 if a job failed or an engine
 * is unavailable, 2 for a bad command line.
 */
public final class Main {
    private Main() {
    }

    /** Runs the command named by {@code args[0]} and exits with its status. */
    public static void main(String[] args) {
        if (args.length == 0 || args[0].equals("help") || args[0].equals("--help")) {
            System.out.println("usage: aio4j bench [fio options] [job files]   (aio4j bench --help lists the options)");
            System.exit(args.length == 0 ? 2 : 0);
        }
        if (!args[0].equals("bench")) {
            System.err.println("aio4j: unknown command: " + args[0] + " (try: aio4j bench --help)");
            System.exit(2);
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        System.exit(new BenchCommand(System.out, System.err).run(rest));
    }
}
