package io.aio4j.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Links that cannot rot: every {@code docs/guide.md#anchor} that main code puts in an error
 * message, and every relative Markdown link in README.md and docs/, names a file and a heading
 * that exist. Anchors are computed as GitHub computes them from headings.
 */
class DocLinksTest {
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.+?)\\s*#*\\s*$");
    private static final Pattern CODE_HINT = Pattern.compile("docs/guide\\.md#([A-Za-z0-9_-]+)");
    private static final Pattern GUIDE_CONCAT = Pattern.compile("GUIDE \\+ \"([A-Za-z0-9_-]+)\"");
    private static final Pattern MD_LINK = Pattern.compile("\\]\\(([^)\\s]*?)(?:#([^)\\s]+))?\\)");

    /** GitHub's heading anchor: lower case, punctuation other than '-' and '_' dropped, spaces to '-'. */
    static String anchor(String heading) {
        String text = heading.replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1"); // a link keeps its text
        StringBuilder a = new StringBuilder();
        for (char c : text.toLowerCase(Locale.ROOT).toCharArray()) {
            if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
                a.append(c);
            } else if (c == ' ') {
                a.append('-');
            }
        }
        return a.toString();
    }

    /** The anchors of a Markdown file's headings, outside fenced code blocks (duplicates get -1, -2...). */
    static Set<String> anchors(Path md) throws IOException {
        Set<String> out = new LinkedHashSet<>();
        boolean fenced = false;
        for (String line : Files.readAllLines(md)) {
            if (line.stripLeading().startsWith("```")) {
                fenced = !fenced;
                continue;
            }
            Matcher m = HEADING.matcher(line);
            if (!fenced && m.matches()) {
                String base = anchor(m.group(1));
                String a = base;
                for (int i = 1; out.contains(a); i++) {
                    a = base + "-" + i;
                }
                out.add(a);
            }
        }
        return out;
    }

    @Test
    void theHeadingAnchorRuleMatchesGitHubs() {
        assertThat(anchor("System limits")).isEqualTo("system-limits");
        assertThat(anchor("Buffered and O_DIRECT: what blocks where")).isEqualTo("buffered-and-o_direct-what-blocks-where");
        assertThat(anchor("fs.aio-max-nr")).isEqualTo("fsaio-max-nr");
        assertThat(anchor("Comparing with fio: ./aio4j bench")).isEqualTo("comparing-with-fio-aio4j-bench");
    }

    @Test
    void everyGuideLinkInAnErrorMessageNamesAGuideSection() throws IOException {
        Path root = MarkdownExamplesTest.root();
        Set<String> guide = anchors(root.resolve("docs/guide.md"));
        List<String> missing = new ArrayList<>();
        int links = 0;
        try (Stream<Path> s = Files.walk(root.resolve("aio4j-core/src/main/java"))) {
            for (Path java : s.filter(p -> p.toString().endsWith(".java")).toList()) {
                String src = Files.readString(java);
                for (Pattern p : List.of(CODE_HINT, GUIDE_CONCAT)) {
                    Matcher m = p.matcher(src);
                    while (m.find()) {
                        links++;
                        if (!guide.contains(m.group(1))) {
                            missing.add(root.relativize(java) + " -> #" + m.group(1));
                        }
                    }
                }
            }
        }
        assertThat(links).as("Troubleshooting links to the guide").isPositive();
        assertThat(missing).as("guide anchors named by main code but missing in docs/guide.md %s", guide).isEmpty();
    }

    @Test
    void everyRelativeMarkdownLinkResolves() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path md : MarkdownExamplesTest.markdownFiles()) {
            Matcher m = MD_LINK.matcher(stripCode(Files.readString(md)));
            while (m.find()) {
                String target = m.group(1);
                String fragment = m.group(2);
                if (target.contains("://") || target.startsWith("mailto:")) {
                    continue;
                }
                Path file = target.isEmpty() ? md : md.getParent().resolve(target).normalize();
                if (!Files.exists(file)) {
                    broken.add(md.getFileName() + ": " + m.group() + " (no such file)");
                } else if (fragment != null && file.toString().endsWith(".md") && !anchors(file).contains(fragment)) {
                    broken.add(md.getFileName() + ": " + m.group() + " (no such heading)");
                }
            }
        }
        assertThat(broken).isEmpty();
    }

    /** Drops fenced blocks and inline code, where link syntax is not a link. */
    private static String stripCode(String md) {
        return md.replaceAll("(?s)```.*?```", "").replaceAll("`[^`\n]*`", "");
    }
}
