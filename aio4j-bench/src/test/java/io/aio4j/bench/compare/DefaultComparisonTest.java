package io.aio4j.bench.compare;

import static org.assertj.core.api.Assertions.assertThat;

import io.aio4j.bench.options.Invocation;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

@Timeout(120)
class DefaultComparisonTest {
    @Test
    void tableAndPlotForTheEnginesAsked(@TempDir Path dir) throws Exception {
        Path svg = dir.resolve("lat.svg");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Invocation inv = Invocation.parse(List.of("--runtime=300ms", "--size=8m", "--ioengine=jdk", "--directory=" + dir,
                "--plot=" + svg));
        int rc = new DefaultComparison(new PrintStream(out, true, StandardCharsets.UTF_8), System.err).run(inv);
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(rc).as(text).isZero();
        assertThat(text).contains("IOPS", "MB/s", "p50 us", "p99 us", "p99.9 us", "CPU us/IO");
        assertThat(text.lines().filter(l -> l.startsWith("cached  jdk") || l.startsWith("direct  jdk"))).hasSize(2);
        try (var files = Files.list(dir)) {
            assertThat(files.map(Path::getFileName).map(Path::toString)).containsExactly("lat.svg"); // temp file removed
        }
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile());
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
        assertThat(doc.getElementsByTagName("polyline").getLength()).isEqualTo(2);
    }

    @Test
    void anUnavailableEngineIsSkippedWithItsReason(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Invocation inv = Invocation.parse(List.of("--runtime=100ms", "--size=4m", "--directory=" + dir, "--ioengine=io_uring"));
        int rc = new DefaultComparison(new PrintStream(out, true, StandardCharsets.UTF_8), System.err).run(inv);
        String text = out.toString(StandardCharsets.UTF_8);
        if (text.contains("skipping io_uring: ")) {
            assertThat(rc).isEqualTo(1);
        } else {
            assertThat(rc).as(text).isZero();
        }
    }

    @Test
    void directPicksOneModeAndFilenameIsKept(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Invocation inv = Invocation.parse(List.of("--runtime=200ms", "--size=4m", "--ioengine=jdk", "--direct=0",
                "--filename=" + dir.resolve("kept.dat")));
        int rc = new DefaultComparison(new PrintStream(out, true, StandardCharsets.UTF_8), System.err).run(inv);
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(rc).as(text).isZero();
        assertThat(text).contains("cached  jdk").doesNotContain("direct  jdk");
        assertThat(dir.resolve("kept.dat")).exists();
    }
}
