package dev.multisite.stack.cli;

import picocli.CommandLine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Output paths the user named ({@code plan --json}, {@code init --out}, {@code runbook --out},
 * {@code drill --out}): checked before any work starts, so a bad path costs nothing and leaves
 * nothing behind, and written through a temporary file in the same directory that is then moved
 * into place, so a reader never sees half a file.
 */
final class OutputFiles {
    private OutputFiles() {
    }

    /** A file to be (over)written: its directory must exist and be writable, and it must not be a directory. */
    static void checkFile(CommandLine cli, String option, Path file) {
        if (file.toString().isEmpty()) {
            throw new CommandLine.ParameterException(cli, option + ": empty path; name a file to write");
        }
        checkNames(cli, option, file);
        if (Files.isDirectory(file)) {
            throw bad(cli, option, file, "is a directory; name a file to write");
        }
        if (Files.exists(file) && (!Files.isRegularFile(file) || !Files.isWritable(file))) {
            throw bad(cli, option, file, "exists and cannot be overwritten; name a writable file");
        }
        checkDirectory(cli, option, file, parentOf(file));
    }

    /** A directory to write into: it may be created, but only inside an existing, writable directory. */
    static void checkDirectoryTarget(CommandLine cli, String option, Path dir) {
        if (dir.toString().isEmpty()) {
            throw new CommandLine.ParameterException(cli, option + ": empty path; name a directory (. for the current one)");
        }
        checkNames(cli, option, dir);
        if (Files.exists(dir)) {
            if (!Files.isDirectory(dir)) {
                throw bad(cli, option, dir, "is a file, not a directory; name a directory to write into");
            }
            checkDirectory(cli, option, dir, dir);
            return;
        }
        checkDirectory(cli, option, dir, parentOf(dir));
    }

    /**
     * Every name in the path short enough for the file system with room for the temporary file
     * written beside it ({@code .<name>NNNN.tmp}): Linux allows 255 bytes per name (NAME_MAX) and
     * 4096 per path (PATH_MAX), else the write fails late with "File name too long".
     */
    private static void checkNames(CommandLine cli, String option, Path path) {
        for (Path name : path.toAbsolutePath()) {
            int bytes = name.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            if (bytes > MAX_NAME_BYTES) {
                throw bad(cli, option, path, "a name in it is " + bytes + " bytes long; at most " + MAX_NAME_BYTES + " per name");
            }
        }
        if (path.toAbsolutePath().toString().length() > MAX_PATH_CHARS) {
            throw bad(cli, option, path, "longer than " + MAX_PATH_CHARS + " characters; choose a shorter path");
        }
    }

    /** NAME_MAX (255) less what the temporary file's name adds. */
    private static final int MAX_NAME_BYTES = 200;
    private static final int MAX_PATH_CHARS = 3800;

    private static void checkDirectory(CommandLine cli, String option, Path target, Path parent) {
        if (!Files.exists(parent)) {
            throw bad(cli, option, target, "directory " + parent + " does not exist; create it first");
        }
        if (!Files.isDirectory(parent)) {
            throw bad(cli, option, target, parent + " is not a directory; name a path inside a directory");
        }
        // isWritable trusts permission bits, which root and special file systems (/proc) ignore: try it.
        try {
            Files.delete(Files.createTempFile(parent, ".multisite-probe", ".tmp"));
        } catch (IOException | SecurityException e) {
            throw bad(cli, option, target, "cannot create files in " + parent + reason(e) + "; name a writable directory");
        }
    }

    private static String reason(Exception e) {
        if (e instanceof AccessDeniedException) {
            return " (permission denied)";
        }
        return e instanceof FileSystemException fs && fs.getReason() != null ? " (" + fs.getReason().toLowerCase(java.util.Locale.ROOT) + ")" : "";
    }

    /** Writes {@code text} to {@code file} atomically (temp file in the same directory, then a move). */
    static void write(Path file, String text) {
        Path parent = parentOf(file);
        Path temp = null;
        try {
            temp = Files.createTempFile(parent, "." + file.getFileName(), ".tmp");
            Files.writeString(temp, text);
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + reason(e), e);
        } finally {
            deleteQuietly(temp);
        }
    }

    private static void deleteQuietly(Path temp) {
        try {
            if (temp != null) {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            // Best effort: the temp file is hidden and named for its target.
        }
    }

    private static Path parentOf(Path path) {
        Path parent = path.toAbsolutePath().normalize().getParent();
        return parent == null ? path.toAbsolutePath().getRoot() : parent;
    }

    private static CommandLine.ParameterException bad(CommandLine cli, String option, Path path, String problem) {
        return new CommandLine.ParameterException(cli, option + ": " + dev.multisite.topology.TopologyLimits.quote(path.toString()) + ": " + problem);
    }
}
