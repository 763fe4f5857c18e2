package io.aio4j.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;

/**
 * Examples that cannot rot: every Java block in README.md and docs/*.md that follows a
 * {@code <!-- example: ClassName -->} marker is compiled against the test classpath and its
 * {@code main} is run. A block that fails to compile or throws fails the build.
 */
@Timeout(120)
class MarkdownExamplesTest {
    private static final Pattern EXAMPLE = Pattern.compile("<!-- example: (\\w+) -->\\s*```java\\n(.*?)```", Pattern.DOTALL);

    static Path root() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("README.md"))) {
            p = p.getParent();
        }
        return p;
    }

    static List<Path> markdownFiles() throws IOException {
        Path root = root();
        List<Path> files = new ArrayList<>();
        files.add(root.resolve("README.md"));
        Path docs = root.resolve("docs");
        if (Files.isDirectory(docs)) {
            try (Stream<Path> s = Files.walk(docs)) {
                s.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
            }
        }
        return files;
    }

    @TestFactory
    Stream<DynamicTest> everyExampleCompilesAndRuns() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path md : markdownFiles()) {
            Matcher m = EXAMPLE.matcher(Files.readString(md));
            while (m.find()) {
                String name = m.group(1);
                String source = m.group(2);
                tests.add(DynamicTest.dynamicTest(root().relativize(md) + ": " + name, () -> compileAndRun(name, source)));
            }
        }
        assertThat(tests).as("the README's quick start is an example").isNotEmpty();
        return tests.stream();
    }

    private static void compileAndRun(String name, String source) throws Exception {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        Path out = Files.createTempDirectory("aio4j-example");
        JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///" + name + ".java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        ByteArrayOutputStream diag = new ByteArrayOutputStream();
        var writer = new java.io.PrintWriter(diag, true, StandardCharsets.UTF_8);
        boolean ok = javac.getTask(writer, null, null,
                List.of("-d", out.toString(), "-cp", System.getProperty("java.class.path"), "-proc:none"),
                null, List.of(file)).call();
        assertThat(ok).as("example %s compiles:%n%s", name, diag.toString(StandardCharsets.UTF_8)).isTrue();
        try (var loader = new java.net.URLClassLoader(new java.net.URL[] {out.toUri().toURL()},
                MarkdownExamplesTest.class.getClassLoader())) {
            Method main = loader.loadClass(name).getMethod("main", String[].class);
            PrintStream old = System.out;
            ByteArrayOutputStream captured = new ByteArrayOutputStream();
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            try {
                main.invoke(null, (Object) new String[0]);
            } finally {
                System.setOut(old);
            }
            old.println("example " + name + ": " + captured.toString(StandardCharsets.UTF_8).strip());
        }
    }
}
