package dev.multisite.stack.cli;

/**
 * Text from input (file contents, option values, another program's output) made safe for one
 * terminal line: line breaks joined with "; ", and control characters (Unicode Cc: NUL, ESC, ...)
 * and format characters (Unicode Cf: U+202E RIGHT-TO-LEFT OVERRIDE, zero-width joiners, U+FEFF, ...)
 * shown as {@code \\u202e}-style escapes, so nothing from the input reorders, hides or recolours
 * what the terminal shows (the "Trojan Source" attack, CVE-2021-42574, uses the Cf bidi controls).
 */
public final class TerminalText {
    private TerminalText() {
    }

    public static String oneLine(String text) {
        if (text == null) {
            return "";
        }
        String joined = text.replaceAll("\\s*\\R\\s*", "; ").trim();
        StringBuilder out = new StringBuilder(joined.length());
        joined.codePoints().forEach(c -> {
            int type = Character.getType(c);
            if (type == Character.CONTROL || type == Character.FORMAT) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
