package io.coursetracker.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Which files of a vault are notes, and how a note's path is written. The same rule as
 * ingest-service's vault upload: a note ends in {@code .md} (any case) and has no segment starting
 * with a dot, so {@code .obsidian/}, {@code .trash/} and our own {@code .course-tracker/} are never sent.
 */
public final class VaultPaths {
    private static final String UNRESERVED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";

    private VaultPaths() {
    }

    /** The vault-relative path with {@code /} between folders, whatever the platform's separator. */
    public static String relative(Path vault, Path file) {
        Path relative = vault.relativize(file);
        StringBuilder path = new StringBuilder();
        for (Path segment : relative) {
            if (path.length() > 0) {
                path.append('/');
            }
            path.append(segment);
        }
        return path.toString();
    }

    public static boolean isNote(String relativePath) {
        return !isHidden(relativePath) && relativePath.toLowerCase(Locale.ROOT).endsWith(".md");
    }

    /** True when any segment starts with a dot; a hidden folder hides everything under it. */
    public static boolean isHidden(String relativePath) {
        for (String segment : relativePath.split("/")) {
            if (segment.startsWith(".") && !segment.equals(".") && !segment.equals("..")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The path for a URL: each segment percent-encoded as UTF-8 (space as {@code %20}, never
     * {@code +}; {@code #} and {@code ?} encoded so they stay part of the name), {@code /} kept.
     */
    public static String encode(String relativePath) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : relativePath.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c == '/' || (c < 0x80 && UNRESERVED.indexOf(c) >= 0)) {
                encoded.append(c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return encoded.toString();
    }

    /** Every note under {@code folder}, vault-relative, never descending into hidden folders. */
    public static List<String> notesUnder(Path vault, Path folder) throws IOException {
        List<String> notes = new ArrayList<>();
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            return notes;
        }
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return !dir.equals(vault) && VaultPaths.isHidden(VaultPaths.relative(vault, dir))
                        ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                String path = VaultPaths.relative(vault, file);
                if (attrs.isRegularFile() && VaultPaths.isNote(path)) {
                    notes.add(path);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                // A file deleted while we walk is what a later event will report.
                return FileVisitResult.CONTINUE;
            }
        });
        return notes;
    }
}
