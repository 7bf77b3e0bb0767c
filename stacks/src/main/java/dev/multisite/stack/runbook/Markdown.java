package dev.multisite.stack.runbook;

import java.util.List;

/** A small Markdown writer: headings, paragraphs, lists, tables and code blocks, nothing more. */
final class Markdown {
    private final StringBuilder out = new StringBuilder();

    Markdown h1(String text) {
        return line("# " + text).blank();
    }

    Markdown h2(String text) {
        return separate().line("## " + text).blank();
    }

    /** Headings after a list need a blank line before them. */
    private Markdown separate() {
        if (out.length() > 0 && !out.toString().endsWith("\n\n")) {
            blank();
        }
        return this;
    }

    Markdown p(String text) {
        return line(text).blank();
    }

    Markdown bullet(String text) {
        return line("- " + text);
    }

    Markdown step(int n, String text) {
        return line(n + ". " + text);
    }

    Markdown code(String language, String body) {
        return line("```" + language).line(body.stripTrailing()).line("```").blank();
    }

    Markdown table(List<String> header, List<List<String>> rows) {
        line("| " + String.join(" | ", header) + " |");
        line("|" + "---|".repeat(header.size()));
        rows.forEach(r -> line("| " + String.join(" | ", r) + " |"));
        return blank();
    }

    Markdown blank() {
        out.append('\n');
        return this;
    }

    Markdown line(String text) {
        out.append(text).append('\n');
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
