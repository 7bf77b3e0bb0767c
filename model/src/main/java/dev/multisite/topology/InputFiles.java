package dev.multisite.topology;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads an input file the user named (a stack file, a preview, rule settings, stack outputs) as
 * UTF-8 text, refusing anything that is not a regular file of at most a given size <em>before</em>
 * reading it: {@code /dev/zero}, a FIFO
 * or a huge file would otherwise be read whole into memory. Problems are one-line
 * {@link TopologyException}s naming the path.
 */
public final class InputFiles {
    /** Largest input accepted: the 13-site example is about 10 KiB. */
    public static final long MAX_BYTES = 1024 * 1024;

    private InputFiles() {
    }

    /** The file's text, at most {@link #MAX_BYTES}; {@code what} names it in messages ("stack file"). */
    public static String readText(Path path, String what) {
        return readText(path, what, MAX_BYTES);
    }

    /** The file's text, at most {@code maxBytes}; {@code what} names it in messages. */
    public static String readText(Path path, String what, long maxBytes) {
        byte[] bytes;
        try {
            check(path, what, maxBytes);
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw unreadable(path, what, e);
        }
        // The file may have grown between the size check and the read.
        if (bytes.length > maxBytes) {
            throw new TopologyException(path + ": is over " + maxBytes + " bytes; a " + what + " may be at most " + maxBytes + " bytes");
        }
        return utf8(bytes, path);
    }

    /**
     * The file as a stream, for readers that parse as they read (a preview can be tens of MB): the
     * same checks as {@link #readText}, and the stream fails once it has given {@code maxBytes}.
     */
    public static InputStream open(Path path, String what, long maxBytes) {
        try {
            check(path, what, maxBytes);
            return new Bounded(Files.newInputStream(path), path, what, maxBytes);
        } catch (IOException e) {
            throw unreadable(path, what, e);
        }
    }

    private static void check(Path path, String what, long maxBytes) throws IOException {
        if (path.toString().isEmpty()) {
            throw new TopologyException("empty path; name a " + what);
        }
        if (Files.isDirectory(path)) {
            throw new TopologyException(path + ": is a directory; expected a " + what);
        }
        if (!Files.exists(path)) {
            throw new TopologyException(path + ": no such " + what);
        }
        if (!Files.isRegularFile(path)) {
            throw new TopologyException(path + ": is not a regular file (a device or pipe); expected a " + what);
        }
        long size = Files.size(path);
        if (size > maxBytes) {
            throw new TopologyException(path + ": is " + size + " bytes; a " + what + " may be at most " + maxBytes + " bytes");
        }
    }

    private static TopologyException unreadable(Path path, String what, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new TopologyException(path + ": no such " + what);
        }
        if (e instanceof AccessDeniedException) {
            return new TopologyException(path + ": permission denied; the " + what + " must be readable");
        }
        return new TopologyException(path + ": cannot be read; expected a readable " + what);
    }

    /** Fails (as a one-line {@link TopologyException}) once more than the limit was read: the file grew after the check. */
    private static final class Bounded extends java.io.FilterInputStream {
        private final Path path;
        private final String what;
        private final long limit;
        private long read;

        Bounded(InputStream in, Path path, String what, long limit) {
            super(in);
            this.path = path;
            this.what = what;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > limit) {
                throw new TopologyException(path + ": is over " + limit + " bytes; a " + what + " may be at most " + limit + " bytes");
            }
        }
    }

    /** Decodes strictly: a Latin-1 or binary file is refused rather than read with replacement characters. */
    static String utf8(byte[] bytes, Path path) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new TopologyException(path + ": not valid UTF-8; save the file as UTF-8");
        }
    }
}
