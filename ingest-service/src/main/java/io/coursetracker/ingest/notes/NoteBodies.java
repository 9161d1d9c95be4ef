package io.coursetracker.ingest.notes;

import io.coursetracker.support.web.ApiException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Reads a note's body with a cap: a declared {@code Content-Length} over 1 MiB is refused before a
 * byte is read, and a body without one (chunked) is read only up to one byte past the cap. The
 * service's body limit is 64 MiB for vault zips, so a single note must not lean on it.
 */
public final class NoteBodies {
    private NoteBodies() {
    }

    /**
     * The most bytes the body can have: its declared {@code Content-Length}, or 1 MiB without one.
     * A declared length over 1 MiB is 413, one that is not a number 400.
     */
    public static long expectedSize(String contentLength) {
        if (contentLength == null) {
            return VaultArchive.MAX_NOTE_BYTES;
        }
        long declared;
        try {
            declared = Long.parseLong(contentLength.trim());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("invalid Content-Length", "Content-Length must be a number of bytes");
        }
        if (declared > VaultArchive.MAX_NOTE_BYTES) {
            throw tooLarge();
        }
        return Math.max(0, declared);
    }

    public static byte[] read(String contentLength, InputStream body) {
        expectedSize(contentLength);
        if (body == null) {
            return new byte[0];
        }
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        try {
            int n;
            while ((n = body.read(buffer)) != -1) {
                content.write(buffer, 0, n);
                if (content.size() > VaultArchive.MAX_NOTE_BYTES) {
                    throw tooLarge();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading the note's body failed", e);
        }
        return content.toByteArray();
    }

    private static ApiException tooLarge() {
        return new ApiException(413, "note too large", "a note may be at most 1 MiB; nothing was stored");
    }
}
