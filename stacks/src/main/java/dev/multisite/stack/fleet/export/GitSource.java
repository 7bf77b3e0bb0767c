package dev.multisite.stack.fleet.export;

import dev.multisite.topology.TopologyLimits;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The checks on where the operator's Stack resources fetch the program from ({@code --repo},
 * {@code --branch}, {@code --repo-dir}): each is written into every Stack resource, so a value git
 * or the operator would refuse later is refused here, with the option and the value.
 */
final class GitSource {
    /** git-clone(1) "GIT URLS": ssh, git, http[s] and file URLs. */
    private static final List<String> SCHEMES = List.of("https", "http", "ssh", "git", "file");
    /** git-clone(1): the scp-like syntax {@code [user@]host.xz:path/to/repo.git/} (no "://" and a ':' before any '/'). */
    private static final Pattern SCP_LIKE = Pattern.compile("([A-Za-z0-9._-]+@)?[A-Za-z0-9.-]+:[A-Za-z0-9._~/+-]+");
    /** What no option value may hold: control and format characters, and spaces (git URLs and refs have none). */
    private static final Pattern UNPRINTABLE = Pattern.compile("[\\p{Cc}\\p{Cf}\\s]");
    private static final int MAX_LENGTH = 2048;

    private GitSource() {
    }

    /** A git URL the operator can clone, as git-clone(1) lists them. */
    static void requireRepo(String repo) {
        if (repo.length() > MAX_LENGTH || UNPRINTABLE.matcher(repo).find()) {
            throw bad("--repo", repo, "is not a git URL (no spaces or control characters, at most " + MAX_LENGTH + " characters)");
        }
        if (!repo.contains("://")) {
            if (SCP_LIKE.matcher(repo).matches()) {
                return;
            }
            throw bad("--repo", repo, "is not a git URL; use e.g. https://github.com/acme/infra.git or git@github.com:acme/infra.git");
        }
        try {
            URI uri = new URI(repo);
            boolean local = "file".equals(uri.getScheme());
            if (uri.getScheme() == null || !SCHEMES.contains(uri.getScheme()) || (!local && (uri.getHost() == null || uri.getHost().isEmpty()))
                    || uri.getPath() == null || uri.getPath().length() < 2) {
                throw bad("--repo", repo, "is not a git URL; use https://, ssh://, git:// or file:// with a host and a repository path, "
                        + "e.g. https://github.com/acme/infra.git");
            }
        } catch (URISyntaxException e) {
            throw bad("--repo", repo, "is not a git URL (" + e.getReason() + "); use e.g. https://github.com/acme/infra.git");
        }
    }

    /**
     * A branch name git accepts, by git-check-ref-format(1) (for {@code refs/heads/<branch>}): no
     * component starting with '.' or ending in ".lock", no "..", no control character, space, '~',
     * '^', ':', '?', '*', '[' or '\', not starting or ending with '/', no "//", not ending with '.',
     * no "@{", and not "@".
     */
    static void requireBranch(String branch) {
        String why = refProblem(branch);
        if (why != null) {
            throw bad("--branch", branch, "is not a git branch name: " + why + " (git check-ref-format)");
        }
    }

    static String refProblem(String ref) {
        if (ref.isEmpty() || ref.length() > 255) {
            return "1 to 255 characters";
        }
        if (UNPRINTABLE.matcher(ref).find() || ref.chars().anyMatch(c -> c == 0x7f)) {
            return "no spaces or control characters";
        }
        if (ref.matches(".*[~^:?*\\[\\\\].*")) {
            return "none of ~ ^ : ? * [ \\";
        }
        if (ref.contains("..")) {
            return "no '..'";
        }
        if (ref.startsWith("/") || ref.endsWith("/") || ref.contains("//")) {
            return "no leading, trailing or doubled '/'";
        }
        if (ref.endsWith(".") || ref.contains("@{") || ref.equals("@") || ref.startsWith("-")) {
            return "not ending with '.', no '@{', not '@', not starting with '-'";
        }
        for (String component : ref.split("/")) {
            if (component.startsWith(".") || component.endsWith(".lock")) {
                return "no component starting with '.' or ending with '.lock'";
            }
        }
        return null;
    }

    /** A directory inside the repository: relative, no '..', no '.' components, plain characters. */
    static void requireRepoDir(String dir) {
        if (dir.isEmpty() || dir.length() > 1024 || UNPRINTABLE.matcher(dir).find() || dir.contains("\\")) {
            throw bad("--repo-dir", dir, "is not a directory in the repository; give a relative path such as infra/multisite");
        }
        if (dir.startsWith("/") || dir.startsWith("~")) {
            throw bad("--repo-dir", dir, "is an absolute path; give the directory relative to the repository root, e.g. infra/multisite");
        }
        for (String component : dir.split("/", -1)) {
            if (component.equals("..")) {
                throw bad("--repo-dir", dir, "leaves the repository ('..'); give a directory inside it, e.g. infra/multisite");
            }
            if (component.isEmpty() || component.equals(".")) {
                throw bad("--repo-dir", dir, "has an empty or '.' component; give a plain relative path such as infra/multisite");
            }
        }
    }

    private static IllegalArgumentException bad(String option, String value, String problem) {
        return new IllegalArgumentException(option + ": '" + TopologyLimits.quote(value) + "' " + problem);
    }
}
