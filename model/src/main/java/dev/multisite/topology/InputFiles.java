package dev.multisite.topology;

import java.io.IOException;
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
        if (path.toString().isEmpty()) {
            throw new TopologyException("empty path; name a " + what);
        }
        try {
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
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new TopologyException(path + ": no such " + what);
        } catch (AccessDeniedException e) {
            throw new TopologyException(path + ": permission denied; the " + what + " must be readable");
        } catch (IOException e) {
            throw new TopologyException(path + ": cannot be read; expected a readable " + what);
        }
        // The file may have grown between the size check and the read.
        if (bytes.length > maxBytes) {
            throw new TopologyException(path + ": is over " + maxBytes + " bytes; a " + what + " may be at most " + maxBytes + " bytes");
        }
        return utf8(bytes, path);
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
