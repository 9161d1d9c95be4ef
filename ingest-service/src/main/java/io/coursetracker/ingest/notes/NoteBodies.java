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

    public static byte[] read(String contentLength, InputStream body) {
        if (contentLength != null) {
            try {
                if (Long.parseLong(contentLength.trim()) > VaultArchive.MAX_NOTE_BYTES) {
                    throw tooLarge();
                }
            } catch (NumberFormatException e) {
                throw ApiException.badRequest("invalid Content-Length", "Content-Length must be a number of bytes");
            }
        }
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
