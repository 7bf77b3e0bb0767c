package dev.multisite.stack.cli;

import dev.multisite.offline.PlanException;
import dev.multisite.topology.TopologyException;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How the CLI reports what went wrong, in one place. Bad input or usage: exit 2 and one
 * {@code error:} line naming the option or field, the bad value and what is allowed, plus at most
 * one hint line; never the whole usage text, a stack trace or a Java type name. A run that worked
 * and found a failure: exit 1.
 */
final class CliErrors implements IParameterExceptionHandler, IExecutionExceptionHandler {
    static final int INVALID_INPUT = 2;
    static final int FAILED = 1;
    /** Other problems named on the hint line when a topology has several. */
    private static final int NAMED_IN_HINT = 5;
    /** picocli's type-conversion wording ("'x' is not an int") in the user's terms. */
    private static final Pattern NOT_A_NUMBER = Pattern.compile("'([^']*)' is not an? (int|long|Integer|Long|short|byte)\\b");

    /** picocli's converter failure: "cannot convert 'x' to interface java.nio.file.Path (java.nio...Exception: ...)". */
    private static final Pattern CANNOT_CONVERT = Pattern.compile("cannot convert '(.*?)' to (?:interface |class )?([\\w.$]+).*$");

    private final PrintWriter err;

    CliErrors(PrintWriter err) {
        this.err = err;
    }

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        err.println("error: " + usageMessage(e));
        err.println("try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'");
        err.flush();
        return INVALID_INPUT;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult) {
        if (e instanceof TopologyException invalid) {
            report(invalid.problems());
            return INVALID_INPUT;
        }
        if (e instanceof IllegalArgumentException badOption) {
            err.println("error: " + oneLine(badOption.getMessage()));
            return INVALID_INPUT;
        }
        if (e instanceof PlanException failed) {
            failed.failures().forEach(f -> err.println("plan failed: " + f));
            return FAILED;
        }
        // A bug or an environment failure, not an input problem: still no stack trace.
        err.println("error: " + (e.getMessage() == null ? "unexpected failure; please report it with the command line" : oneLine(e.getMessage())));
        return FAILED;
    }

    /** The first problem on the error line; the others named on one hint line (fix one, run again). */
    private void report(List<String> problems) {
        err.println("error: " + oneLine(problems.get(0)));
        if (problems.size() > 1) {
            var others = problems.subList(1, problems.size()).stream().map(p -> p.contains(": ") ? p.substring(0, p.indexOf(": ")) : p)
                    .limit(NAMED_IN_HINT).toList();
            err.println("and " + (problems.size() - 1) + " more problem(s) at " + String.join(", ", others)
                    + (problems.size() - 1 > NAMED_IN_HINT ? ", ..." : ""));
        }
    }

    static String usageMessage(ParameterException e) {
        // picocli words some of its own messages "Error: Missing required argument(s): ..."; the line already says error.
        String message = oneLine(e.getMessage()).replaceFirst("^Error: ", "");
        if (e instanceof UnmatchedArgumentException unmatched) {
            List<String> suggestions = unmatched.getSuggestions();
            String arg = unmatched.getUnmatched().isEmpty() ? "" : unmatched.getUnmatched().get(0);
            message = (arg.startsWith("-") ? "unknown option '" + arg + "'" : "unexpected argument '" + arg + "'")
                    + (suggestions.isEmpty() ? "" : "; did you mean " + suggestions.get(0) + "?");
        }
        var conversion = CANNOT_CONVERT.matcher(message);
        if (conversion.find()) {
            // picocli names the Java type and quotes the converter's exception; say what the option takes instead.
            message = message.substring(0, conversion.start()) + "'" + conversion.group(1) + "' is not a valid "
                    + (conversion.group(2).endsWith("Path") ? "path" : "value");
        }
        return NOT_A_NUMBER.matcher(message).replaceAll(m -> "'" + java.util.regex.Matcher.quoteReplacement(m.group(1)) + "' is not a whole number"
                + (m.group(2).toLowerCase(java.util.Locale.ROOT).startsWith("l") ? "" : " up to " + Integer.MAX_VALUE));
    }

    static String oneLine(String text) {
        return TerminalText.oneLine(text);
    }
}
