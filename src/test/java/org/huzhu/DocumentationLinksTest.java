package org.huzhu;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every relative link in the README, CONTRIBUTING and docs/ leads to a file or folder that
 * exists, and to a heading there when it names one, so moving a page or renaming a section
 * cannot leave readers at a dead end. Links in code are examples, not links.
 */
class DocumentationLinksTest {

    private static final Pattern FENCE = Pattern.compile("^ {0,3}(```|~~~)");
    private static final Pattern CODE_SPAN = Pattern.compile("(`+)[\\s\\S]*?\\1");
    private static final Pattern INLINE_LINK = Pattern.compile(
            "!?\\[(?:[^\\[\\]]|\\[[^\\]]*\\])*\\]\\(\\s*<?([^)\\s>]+)>?(?:\\s+(?:\"[^\"]*\"|'[^']*'))?\\s*\\)");
    private static final Pattern REFERENCE_DEFINITION = Pattern.compile("(?m)^ {0,3}\\[[^\\]]+\\]:\\s*<?([^\\s>]+)>?");
    private static final Pattern HTML_LINK = Pattern.compile("(?:href|src)=\"([^\"]+)\"");
    private static final Pattern HEADING = Pattern.compile("^ {0,3}#{1,6}\\s+(.*?)(?:\\s+#+)?\\s*$");
    private static final Pattern HTML_ANCHOR = Pattern.compile("<a\\s+(?:name|id)=\"([^\"]+)\"");
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:|^//");

    @Test
    void everyRelativeLinkInTheDocsLeadsToAnExistingFileAndHeading() {
        Path root = Path.of("").toAbsolutePath();
        List<Path> documents = documents(root);

        assertThat(documents).contains(root.resolve("README.md"), root.resolve("CONTRIBUTING.md"),
                root.resolve("docs/architecture.md"));
        assertThat(brokenLinks(root, documents)).isEmpty();
    }

    @Test
    void aMissingFileOrHeadingIsReportedAndCodeIsNotALink(@TempDir Path root) throws IOException {
        Files.createDirectories(root.resolve("docs/modules"));
        Files.writeString(root.resolve("docs/page.md"), """
                # A page

                ## What it says, and why

                See [the modules](modules/), [the readme](../README.md#the-two-commands) and
                [this part](#what-it-says-and-why), or [the web](https://example.org/missing.md).
                A [broken
                link](gone.md) and a [missing heading](../README.md#no-such-heading).
                Code is not a link: `[x](nowhere.md)`.

                ```bash
                echo "[y](nowhere-either.md)"
                ```
                """);
        Files.writeString(root.resolve("README.md"), "# Readme\n\n## The two commands\n");

        assertThat(brokenLinks(root, List.of(root.resolve("docs/page.md")))).containsExactly(
                "docs/page.md:7: gone.md: no such file",
                "docs/page.md:8: ../README.md#no-such-heading: no such heading");
    }

    /** The README, CONTRIBUTING and every Markdown file under docs/. */
    private static List<Path> documents(Path root) {
        List<Path> documents = new ArrayList<>(List.of(root.resolve("README.md"), root.resolve("CONTRIBUTING.md")));
        try (Stream<Path> docs = Files.walk(root.resolve("docs"))) {
            docs.filter(path -> path.toString().endsWith(".md")).sorted().forEach(documents::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return documents;
    }

    /** Each broken link as {@code file:line: target: why}. */
    private static List<String> brokenLinks(Path root, List<Path> documents) {
        Map<Path, Set<String>> anchors = new HashMap<>();
        List<String> broken = new ArrayList<>();
        for (Path document : documents) {
            String text = withoutCode(read(document));
            for (Pattern pattern : List.of(INLINE_LINK, REFERENCE_DEFINITION, HTML_LINK)) {
                Matcher link = pattern.matcher(text);
                while (link.find()) {
                    String target = link.group(1);
                    String problem = problem(root, document, target, anchors);
                    if (problem != null) {
                        int line = 1 + (int) text.substring(0, link.start()).chars().filter(c -> c == '\n').count();
                        broken.add(root.relativize(document) + ":" + line + ": " + target + ": " + problem);
                    }
                }
            }
        }
        broken.sort(null);
        return broken;
    }

    private static String problem(Path root, Path document, String target, Map<Path, Set<String>> anchors) {
        if (SCHEME.matcher(target).find()) {
            return null;
        }
        int hash = target.indexOf('#');
        String path = URLDecoder.decode(hash < 0 ? target : target.substring(0, hash), StandardCharsets.UTF_8);
        String fragment = hash < 0 ? "" : target.substring(hash + 1);
        Path file = path.isEmpty() ? document
                : (path.startsWith("/") ? root.resolve(path.substring(1)) : document.getParent().resolve(path)).normalize();
        if (!file.startsWith(root)) {
            return "outside the repository";
        }
        if (!Files.exists(file)) {
            return "no such file";
        }
        if (!fragment.isEmpty() && file.toString().endsWith(".md")
                && !anchors.computeIfAbsent(file, DocumentationLinksTest::anchors).contains(fragment)) {
            return "no such heading";
        }
        return null;
    }

    /** The anchors GitHub gives a page's headings (repeats get -1, -2, ...), and explicit ones. */
    private static Set<String> anchors(Path document) {
        Set<String> anchors = new HashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        String text = withoutCode(read(document));
        for (String line : text.split("\n", -1)) {
            Matcher heading = HEADING.matcher(line);
            if (heading.matches()) {
                String slug = slug(heading.group(1));
                int repeats = seen.merge(slug, 1, Integer::sum) - 1;
                anchors.add(repeats == 0 ? slug : slug + "-" + repeats);
            }
        }
        Matcher explicit = HTML_ANCHOR.matcher(text);
        while (explicit.find()) {
            anchors.add(explicit.group(1));
        }
        return anchors;
    }

    /** GitHub's heading anchor: the text of the heading in lower case, punctuation dropped, spaces as hyphens. */
    private static String slug(String heading) {
        String text = heading.replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1").replace("`", "").replace("*", "");
        return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}\\p{M}\\p{Pc} -]", "").replace(' ', '-');
    }

    /** The text with fenced blocks blanked and code spans removed, keeping every line where it was. */
    private static String withoutCode(String markdown) {
        StringBuilder text = new StringBuilder();
        boolean fenced = false;
        for (String line : markdown.split("\n", -1)) {
            boolean fence = FENCE.matcher(line).find();
            text.append(fenced || fence ? "" : line).append('\n');
            if (fence) {
                fenced = !fenced;
            }
        }
        Matcher span = CODE_SPAN.matcher(text);
        StringBuilder result = new StringBuilder();
        while (span.find()) {
            span.appendReplacement(result, "\n".repeat((int) span.group().chars().filter(c -> c == '\n').count()));
        }
        span.appendTail(result);
        return result.toString();
    }

    private static String read(Path document) {
        try {
            return Files.readString(document, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
