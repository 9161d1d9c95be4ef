package io.coursetracker.ingest.notes;

import io.coursetracker.support.web.ApiException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Reads a zipped vault with hard caps, counting the bytes actually inflated (a zip's declared
 * sizes can lie): at most {@link #MAX_ENTRIES} entries, {@link #MAX_TOTAL_BYTES} uncompressed in
 * all, {@link #MAX_NOTE_BYTES} per note. Past a whole-archive cap the upload is refused with 413 and
 * nothing is stored.
 *
 * <p>The archive is read twice, one entry at a time, and never held whole: {@link #check} inflates
 * every entry and throws the bytes away, only counting them, so a vault over a cap (or not a readable
 * zip) is refused before anything is stored; {@link #forEachNote} then hands the notes over one by
 * one, each note's bytes the only ones it holds. Inflating twice costs CPU (about a second per
 * 256 MiB), not memory.
 *
 * <p>Which entries are notes: files ending in {@code .md}. Folders, other files (images, PDFs,
 * canvases) and anything under a hidden folder ({@code .obsidian/}, {@code .trash/}, any segment
 * starting with a dot) are skipped. An entry whose path escapes the vault is rejected by name.
 */
public final class VaultArchive {
    public static final int MAX_ENTRIES = 10_000;
    public static final long MAX_TOTAL_BYTES = 256L * 1024 * 1024;
    public static final int MAX_NOTE_BYTES = 1024 * 1024;

    /** A note found in the archive, or the reason it was rejected (then {@code content} is null). */
    public record Entry(String path, byte[] content, String rejection) {
    }

    /** Takes the notes of an archive one at a time. */
    @FunctionalInterface
    public interface NoteVisitor {
        void visit(Entry entry);
    }

    private VaultArchive() {
    }

    /**
     * The first pass: inflates the whole archive without keeping any of it, and throws 413 past a
     * whole-archive cap or 400 if the body is not a readable zip with entries.
     *
     * @return the number of entries
     */
    public static int check(InputStream zip) {
        return walk(zip, entry -> {
        }, false);
    }

    /**
     * The second pass: hands every note (or rejected note) to {@code visitor} in archive order, one at
     * a time; once {@code visitor} returns, nothing here refers to that note's bytes. The caps are
     * enforced again, so this is safe on an archive {@link #check} has not seen.
     */
    public static void forEachNote(InputStream zip, NoteVisitor visitor) {
        walk(zip, visitor, true);
    }

    private static int walk(InputStream zip, NoteVisitor visitor, boolean keepNotes) {
        int entries = 0;
        long total = 0;
        try (ZipInputStream in = new ZipInputStream(zip)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (++entries > MAX_ENTRIES) {
                    throw tooLarge("the vault has more than " + MAX_ENTRIES + " entries");
                }
                String path = entry.getName();
                if (entry.isDirectory() || isHidden(path) || !path.toLowerCase().endsWith(".md")) {
                    total += drain(in, MAX_TOTAL_BYTES - total);
                    continue;
                }
                try {
                    NotePaths.validate(path);
                } catch (ApiException e) {
                    total += drain(in, MAX_TOTAL_BYTES - total);
                    visitor.visit(new Entry(path, null, e.detail()));
                    continue;
                }
                ByteArrayOutputStream content = keepNotes ? new ByteArrayOutputStream() : null;
                long read = copy(in, content == null ? OutputStream.nullOutputStream() : content,
                        Math.min(MAX_NOTE_BYTES + 1L, MAX_TOTAL_BYTES - total + 1));
                total += read;
                if (total > MAX_TOTAL_BYTES) {
                    throw tooLarge("the vault is over " + MAX_TOTAL_BYTES / (1024 * 1024) + " MiB uncompressed");
                }
                if (read > MAX_NOTE_BYTES) {
                    total += drain(in, MAX_TOTAL_BYTES - total);
                    visitor.visit(new Entry(path, null, "the note is over 1 MiB"));
                } else {
                    byte[] bytes = content == null ? null : content.toByteArray();
                    content = null;
                    visitor.visit(new Entry(path, bytes, null));
                }
            }
        } catch (ZipException e) {
            throw ApiException.badRequest("invalid zip", "the body is not a readable zip archive: " + e.getMessage());
        } catch (IOException e) {
            throw ApiException.badRequest("invalid zip", "the zip archive could not be read: " + e.getMessage());
        }
        if (entries == 0) {
            throw ApiException.badRequest("invalid zip", "the body is not a zip archive or has no entries");
        }
        return entries;
    }

    private static boolean isHidden(String path) {
        for (String segment : path.split("/")) {
            if (segment.startsWith(".") && !segment.equals(".") && !segment.equals("..")) {
                return true;
            }
        }
        return false;
    }

    /** Reads and discards the entry, failing once more than {@code budget} bytes came out. */
    private static long drain(InputStream in, long budget) throws IOException {
        long read = copy(in, OutputStream.nullOutputStream(), budget + 1);
        if (read > budget) {
            throw tooLarge("the vault is over " + MAX_TOTAL_BYTES / (1024 * 1024) + " MiB uncompressed");
        }
        return read;
    }

    private static long copy(InputStream in, OutputStream out, long limit) throws IOException {
        byte[] buffer = new byte[8192];
        long copied = 0;
        int n;
        while (copied < limit && (n = in.read(buffer, 0, (int) Math.min(buffer.length, limit - copied))) > 0) {
            out.write(buffer, 0, n);
            copied += n;
        }
        return copied;
    }

    private static ApiException tooLarge(String detail) {
        return new ApiException(413, "vault too large", detail + "; nothing was stored");
    }
}
