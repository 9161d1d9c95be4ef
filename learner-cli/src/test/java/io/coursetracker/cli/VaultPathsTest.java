package io.coursetracker.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

class VaultPathsTest {

    @Test
    void onlyMarkdownFilesOutsideHiddenFoldersAreNotes() {
        assertThat(VaultPaths.isNote("Daily/2026-03-14.md")).isTrue();
        assertThat(VaultPaths.isNote("Daily/Shouting.MD")).isTrue();
        assertThat(VaultPaths.isNote("2026-03-14.md")).isTrue();
        assertThat(VaultPaths.isNote(".obsidian/workspace.md")).isFalse();
        assertThat(VaultPaths.isNote(".trash/old.md")).isFalse();
        assertThat(VaultPaths.isNote("Daily/.drafts/today.md")).isFalse();
        assertThat(VaultPaths.isNote(".hidden.md")).isFalse();
        assertThat(VaultPaths.isNote("assets/diagram.png")).isFalse();
        assertThat(VaultPaths.isNote("Canvas.canvas")).isFalse();
        assertThat(VaultPaths.isNote("Daily/notes.md.bak")).isFalse();
    }

    @Test
    void eachSegmentIsPercentEncodedAndSlashesAreKept() {
        assertThat(VaultPaths.encode("Daily/2026-03-14.md")).isEqualTo("Daily/2026-03-14.md");
        assertThat(VaultPaths.encode("Daily notes/My day.md")).isEqualTo("Daily%20notes/My%20day.md");
        assertThat(VaultPaths.encode("Fragen/Größe ü.md")).isEqualTo("Fragen/Gr%C3%B6%C3%9Fe%20%C3%BC.md");
        assertThat(VaultPaths.encode("Lesson #3?.md")).isEqualTo("Lesson%20%233%3F.md");
        assertThat(VaultPaths.encode("a+b&c%.md")).isEqualTo("a%2Bb%26c%25.md");
        assertThat(VaultPaths.encode("🎯 Goals.md")).isEqualTo("%F0%9F%8E%AF%20Goals.md");
        // The encoded path makes a valid URI whose decoded path is the note's path again.
        URI uri = URI.create("http://localhost/v1/notes/" + VaultPaths.encode("Daily notes/Lesson #3? ü.md"));
        assertThat(uri.getPath()).isEqualTo("/v1/notes/Daily notes/Lesson #3? ü.md");
        assertThat(uri.getQuery()).isNull();
        assertThat(uri.getFragment()).isNull();
    }

    @Test
    void relativePathsUseSlashes(@TempDir Path vault) {
        assertThat(VaultPaths.relative(vault, vault.resolve("Daily").resolve("2026-03-14.md"))).isEqualTo("Daily/2026-03-14.md");
    }

    @Test
    void theVaultZipHoldsOnlyTheNotesTheServerWouldCount(@TempDir Path vault) throws IOException {
        write(vault, "Daily/2026-03-14.md", "# 2026-03-14");
        write(vault, "Top.md", "# top");
        write(vault, ".obsidian/workspace.md", "{}");
        write(vault, ".trash/old.md", "# old");
        write(vault, "Daily/.drafts/draft.md", "# draft");
        write(vault, "assets/diagram.png", "png");

        VaultZip.Archive archive = VaultZip.of(vault);

        List<String> entries = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive.zip()))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                entries.add(entry.getName());
            }
        }
        assertThat(entries).containsExactlyInAnyOrder("Daily/2026-03-14.md", "Top.md");
        assertThat(archive.notes()).containsExactlyInAnyOrderElementsOf(entries);
    }

    static void write(Path vault, String path, String content) throws IOException {
        Path file = vault.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
