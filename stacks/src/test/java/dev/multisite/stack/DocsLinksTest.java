package dev.multisite.stack;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every relative link in the project's Markdown resolves: the target file exists and a {@code #anchor} names a heading
 * of the target (or of the same file). Anchors follow GitHub's slugs: the heading's text, lowercased, punctuation other
 * than {@code -} and {@code _} dropped, spaces turned into {@code -}, and {@code -1}, {@code -2}, ... for repeats.
 */
class DocsLinksTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    /** The chapters README.md points to; a missing one would also fail README's links, this names it. */
    private static final List<String> DOCS = List.of("architecture", "policies", "operations", "benchmark", "network", "mesh",
            "gitops", "traffic", "data", "fleet");
    /** Inline links and images: {@code [text](target)} or {@code [text](target "title")}. */
    private static final Pattern INLINE = Pattern.compile("!?\\[[^\\]]*]\\(\\s*<?([^)\\s>]*)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    /** Reference definitions: {@code [label]: target}. */
    private static final Pattern REFERENCE = Pattern.compile("^ {0,3}\\[[^\\]]+]:\\s*<?(\\S+?)>?(?:\\s.*)?$");
    private static final Pattern HEADING = Pattern.compile("^ {0,3}#{1,6}\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern CODE_SPAN = Pattern.compile("`+[^`]*`+");

    static List<Path> markdownFiles() throws IOException {
        List<Path> files = new ArrayList<>(List.of(ROOT.resolve("README.md"), ROOT.resolve("CHANGELOG.md"), ROOT.resolve("CONTRIBUTING.md"),
                ROOT.resolve("policies/README.md"), ROOT.resolve("cilium-mesh/README.md"), ROOT.resolve("argocd/README.md")));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        return files;
    }

    @Test
    void everyChapterThatLeftTheReadmeHasItsFile() {
        DOCS.forEach(name -> assertThat(ROOT.resolve("docs").resolve(name + ".md")).as("docs/%s.md", name).isRegularFile());
    }

    @Test
    void everyRelativeLinkAndAnchorResolves() throws IOException {
        Map<Path, Set<String>> anchors = new HashMap<>();
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Path file : markdownFiles()) {
            for (String target : links(Files.readString(file))) {
                if (target.isEmpty() || target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
                    continue; // absolute URLs (https:, mailto:) are not this test's business
                }
                checked++;
                int hash = target.indexOf('#');
                String pathPart = hash < 0 ? target : target.substring(0, hash);
                String anchor = hash < 0 ? null : target.substring(hash + 1);
                Path resolved = pathPart.isEmpty() ? file : file.getParent().resolve(pathPart).normalize();
                String where = ROOT.relativize(file) + ": (" + target + ")";
                if (!resolved.startsWith(ROOT)) {
                    broken.add(where + " leaves the repository");
                } else if (!Files.exists(resolved)) {
                    broken.add(where + " names a missing file");
                } else if (anchor != null && !anchorsOf(resolved, anchors).contains(anchor)) {
                    broken.add(where + " names no heading of " + ROOT.relativize(resolved) + "; it has " + anchorsOf(resolved, anchors));
                }
            }
        }
        assertThat(broken).as("broken links").isEmpty();
        assertThat(checked).as("relative links checked").isGreaterThan(20);
    }

    @Test
    void slugsFollowGitHub() {
        assertThat(anchors("# Operations: runbooks, drills, CI\n## EKS: order of creation\n## `foo.bar` and **baz**\n"
                + "```\n# not a heading\n```\n## Runbooks\n## Runbooks\n"))
                .containsExactly("operations-runbooks-drills-ci", "eks-order-of-creation", "foobar-and-baz", "runbooks", "runbooks-1");
        assertThat(links("see [a](b.md#c) and ![i](img.svg \"t\") but `[x](not-a-link)`\n```\n[y](nor-this)\n```\n[ref]: docs/x.md\n"))
                .containsExactly("b.md#c", "img.svg", "docs/x.md");
    }

    private static Set<String> anchorsOf(Path file, Map<Path, Set<String>> cache) {
        return cache.computeIfAbsent(file, f -> {
            if (!f.toString().endsWith(".md")) {
                return Set.of();
            }
            try {
                return anchors(Files.readString(f));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The link targets of a Markdown text, outside fenced code blocks and code spans. */
    static List<String> links(String markdown) {
        List<String> targets = new ArrayList<>();
        for (String line : proseLines(markdown)) {
            Matcher reference = REFERENCE.matcher(line);
            if (reference.matches()) {
                targets.add(reference.group(1));
                continue;
            }
            Matcher inline = INLINE.matcher(CODE_SPAN.matcher(line).replaceAll(""));
            while (inline.find()) {
                targets.add(inline.group(1));
            }
        }
        return targets;
    }

    /** GitHub's heading anchors of a Markdown text, in order. */
    static Set<String> anchors(String markdown) {
        Set<String> anchors = new LinkedHashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        for (String line : proseLines(markdown)) {
            Matcher heading = HEADING.matcher(line);
            if (heading.matches()) {
                String text = heading.group(1).replaceAll("!?\\[([^\\]]*)]\\([^)]*\\)", "$1"); // a link's text only
                String slug = text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}\\s_-]", "").replaceAll("\\s", "-");
                int n = seen.merge(slug, 1, Integer::sum) - 1;
                anchors.add(n == 0 ? slug : slug + "-" + n);
            }
        }
        return anchors;
    }

    private static List<String> proseLines(String markdown) {
        List<String> lines = new ArrayList<>();
        boolean fenced = false;
        for (String line : markdown.split("\n", -1)) {
            if (line.stripLeading().startsWith("```") || line.stripLeading().startsWith("~~~")) {
                fenced = !fenced;
            } else if (!fenced) {
                lines.add(line);
            }
        }
        return lines;
    }
}
