package io.coursetracker.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Zips a vault's notes for {@code POST /v1/learners/{id}/vault}: only what the server would count. */
public final class VaultZip {
    private VaultZip() {
    }

    /** The zip, and which notes went into it. */
    public record Archive(byte[] zip, List<String> notes) {
    }

    public static Archive of(Path vault) throws IOException {
        Path root = vault.toAbsolutePath().normalize();
        List<String> notes = VaultPaths.notesUnder(root, root);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String note : notes) {
                zip.putNextEntry(new ZipEntry(note));
                zip.write(Files.readAllBytes(root.resolve(note)));
                zip.closeEntry();
            }
        }
        return new Archive(bytes.toByteArray(), notes);
    }
}
