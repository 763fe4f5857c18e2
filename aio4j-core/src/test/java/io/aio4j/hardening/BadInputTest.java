package io.aio4j.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #7 item 4: the bad-input catalogue of docs/bad-input.md. Every row runs on every engine
 * against a fresh context and files, asserts its documented outcome, and then proves the
 * context still works (unless the row closed it). The table and the cases must match id for id.
 */
@Timeout(120)
class BadInputTest {
    private static final Pattern ROW = Pattern.compile("^\\| (B\\d+) \\| ([^|]+) \\| ([^|]+) \\| ([^|]+) \\|\\s*$");

    @TempDir
    Path dir;

    @TestFactory
    Stream<DynamicNode> everyRowOnEveryEngine() throws IOException {
        Map<String, String> rows = table();
        Map<String, BadInputCases.Case> cases = BadInputCases.all();
        return EngineCase.all().stream().map(engine -> DynamicContainer.dynamicContainer(engine.name(),
                cases.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey() + " " + rows.getOrDefault(e.getKey(), "?"), () -> {
                    engine.assumeAvailable();
                    Path d = Files.createTempDirectory(dir, e.getKey());
                    try (BadInputFixture x = new BadInputFixture(engine, d)) {
                        e.getValue().run(x);
                        x.assertUsable();
                    }
                }))));
    }

    @Test
    void everyRowOfTheTableHasACaseAndEveryCaseARow() throws IOException {
        Map<String, String> rows = table();
        assertThat(rows).as("rows in docs/bad-input.md").hasSizeGreaterThanOrEqualTo(40);
        assertThat(BadInputCases.all().keySet()).containsExactlyInAnyOrderElementsOf(rows.keySet());
    }

    /** The rows of docs/bad-input.md: id to "entry point: input -> outcome". */
    static Map<String, String> table() throws IOException {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("docs/bad-input.md"))) {
            p = p.getParent();
        }
        assertThat(p).as("docs/bad-input.md above the working directory").isNotNull();
        List<String> lines = Files.readAllLines(p.resolve("docs/bad-input.md"));
        Map<String, String> rows = new LinkedHashMap<>();
        for (String line : lines) {
            Matcher m = ROW.matcher(line);
            if (m.matches()) {
                String prev = rows.put(m.group(1), m.group(2).trim() + ": " + m.group(3).trim() + " -> " + m.group(4).trim());
                assertThat(prev).as("row %s appears twice", m.group(1)).isNull();
            }
        }
        return rows;
    }
}
