package io.coursetracker.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class SyncStateTest {
    @TempDir
    Path vault;

    @Test
    void whatWasSentSurvivesARestartInTheVaultsHiddenFolder() throws IOException {
        Path file = SyncState.defaultFile(vault, "sam");
        SyncState state = SyncState.load(file, "sam", "http://localhost:8081");
        state.sent("Daily/a.md", SyncState.sha256("a".getBytes()));
        state.sent("Daily/b.md", SyncState.sha256("b".getBytes()));
        state.deleted("Daily/b.md");
        state.save();

        assertThat(file).exists();
        assertThat(VaultPaths.isHidden(VaultPaths.relative(vault, file))).as("never sent as a note").isTrue();
        SyncState again = SyncState.load(file, "sam", "http://localhost:8081");
        assertThat(again.sentHash("Daily/a.md")).contains(SyncState.sha256("a".getBytes()));
        assertThat(again.sentHash("Daily/b.md")).isEmpty();
    }

    @Test
    void aStateForAnotherLearnerOrServerOrAnUnreadableOneStartsAfresh() throws IOException {
        Path file = vault.resolve("state.json");
        SyncState state = SyncState.load(file, "sam", "http://localhost:8081");
        state.sent("a.md", "hash");
        state.save();

        assertThat(SyncState.load(file, "alex", "http://localhost:8081").paths()).isEmpty();
        assertThat(SyncState.load(file, "sam", "http://elsewhere:8081").paths()).isEmpty();
        Files.writeString(file, "{ torn");
        assertThat(SyncState.load(file, "sam", "http://localhost:8081").paths()).isEmpty();
    }
}
