package io.coursetracker.ingest.notes;

import io.coursetracker.support.web.ApiException;

import java.util.regex.Pattern;

/** Vault-relative note paths: what a path may look like, and its one canonical form. */
public final class NotePaths {
    static final int MAX_LENGTH = 512;
    private static final Pattern WINDOWS_DRIVE = Pattern.compile("^[A-Za-z]:.*");
    private static final Pattern PERCENT_ESCAPE = Pattern.compile("%[0-9A-Fa-f]{2}");

    private NotePaths() {
    }

    /**
     * The path as stored, or 400 when it is empty, absolute, escapes the vault ({@code ..}), holds a
     * backslash, a control character or NUL, a percent-escape left after decoding (double encoding),
     * invalid UTF-8, or does not name a Markdown file.
     */
    public static String validate(String path) {
        if (path == null || path.isBlank()) {
            throw invalid("the note path is empty");
        }
        if (path.length() > MAX_LENGTH) {
            throw invalid("the note path is longer than " + MAX_LENGTH + " characters");
        }
        if (path.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw invalid("the note path holds a control character");
        }
        if (path.indexOf('\uFFFD') >= 0) {
            throw invalid("the note path is not valid UTF-8 once decoded");
        }
        if (PERCENT_ESCAPE.matcher(path).find()) {
            // Decoded once already: an escape left over was encoded twice (%252e%252e), a way to smuggle '..' or '/'.
            throw invalid("the note path is percent-encoded twice; encode it once");
        }
        if (path.contains("\\")) {
            throw invalid("the note path holds a backslash; use '/' between folders");
        }
        if (path.startsWith("/") || WINDOWS_DRIVE.matcher(path).matches()) {
            throw invalid("the note path is absolute; give it relative to the vault");
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw invalid("the note path has an empty, '.' or '..' segment: it must stay inside the vault");
            }
        }
        if (!path.toLowerCase().endsWith(".md")) {
            throw invalid("a note is a Markdown file: its path must end in .md");
        }
        return path;
    }

    private static ApiException invalid(String detail) {
        return ApiException.badRequest("invalid note path", detail);
    }
}
