package io.aio4j.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/engines.md cannot claim a check that does not exist: every test class and test method its
 * "checked by" column names ({@code FooTest}, {@code FooCases.method}) is a source file under
 * aio4j-core/src/test/java declaring that method. Skipped, with the reason, until the engines and
 * the conformance suite that the table describes are in the tree.
 */
class EngineMatrixTest {
    private static final Pattern NAMED = Pattern.compile("`([A-Z]\\w*(?:Test|Cases))(?:\\.(\\w+))?`");

    @Test
    void everyTestTheMatrixNamesExists() throws IOException {
        Path root = MarkdownExamplesTest.root();
        Path main = root.resolve("aio4j-core/src/main/java/io/aio4j");
        Path tests = root.resolve("aio4j-core/src/test/java");
        List<String> absent = new ArrayList<>();
        for (String part : List.of("linux/uring", "linux/aio")) {
            if (!Files.isDirectory(main.resolve(part))) {
                absent.add("io.aio4j." + part.replace('/', '.'));
            }
        }
        if (!Files.isDirectory(tests.resolve("io/aio4j/conformance"))) {
            absent.add("the conformance suite");
        }
        assumeTrue(absent.isEmpty(), "docs/engines.md describes code not in this tree yet: " + absent);

        Map<String, Path> sources = new HashMap<>();
        try (Stream<Path> s = Files.walk(tests)) {
            s.filter(p -> p.toString().endsWith(".java"))
                    .forEach(p -> sources.put(p.getFileName().toString().replace(".java", ""), p));
        }
        List<String> missing = new ArrayList<>();
        int named = 0;
        for (String line : Files.readAllLines(root.resolve("docs/engines.md"))) {
            if (!line.startsWith("| ")) {
                continue;
            }
            String[] cells = line.split("\\|");
            Matcher m = NAMED.matcher(cells[cells.length - 1]);
            while (m.find()) {
                named++;
                Path src = sources.get(m.group(1));
                if (src == null) {
                    missing.add(m.group(1) + " (no such test source)");
                } else if (m.group(2) != null && !Files.readString(src).contains("void " + m.group(2) + "(")) {
                    missing.add(m.group(1) + "." + m.group(2) + " (no such method)");
                }
            }
        }
        assertThat(named).as("tests named by the matrix").isGreaterThan(20);
        assertThat(missing).isEmpty();
    }
}
