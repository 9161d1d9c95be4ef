package io.coursetracker.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.coursetracker.cli.VaultPathsTest.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The watcher's decisions on a real folder, with time passed in: no waiting. */
class VaultSyncTest {
    private static final long DEBOUNCE = 200;

    @TempDir
    Path vault;

    RecordingSender sender = new RecordingSender();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Path stateFile;

    @BeforeEach
    void stateFile() {
        stateFile = SyncState.defaultFile(vault, "sam");
    }

    private VaultSync sync() throws IOException {
        return new VaultSync(vault, sender, SyncState.load(stateFile, "sam", "http://server"), DEBOUNCE,
                new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void aBurstOfWritesIsOneSendOfTheLastContentAfterTheDebounce() throws Exception {
        VaultSync sync = sync();
        write(vault, "Daily/a.md", "one");
        sync.noticed("Daily/a.md", 1_000);
        write(vault, "Daily/a.md", "two");
        sync.noticed("Daily/a.md", 1_100);
        write(vault, "Daily/a.md", "three");
        sync.noticed("Daily/a.md", 1_150);

        assertThat(sync.sendDue(1_300)).isEqualTo(50);
        assertThat(sender.calls()).isEmpty();
        assertThat(sync.sendDue(1_350)).isEqualTo(Long.MAX_VALUE);
        assertThat(sender.calls()).containsExactly(new RecordingSender.Call("PUT", "Daily/a.md", "three"));
    }

    @Test
    void eachPathHasItsOwnDebounce() throws Exception {
        VaultSync sync = sync();
        write(vault, "a.md", "a");
        write(vault, "b.md", "b");
        sync.noticed("a.md", 0);
        sync.noticed("b.md", 150);
        sync.sendDue(200);
        assertThat(sender.summary()).containsExactly("PUT a.md");
        sync.sendDue(350);
        assertThat(sender.summary()).containsExactly("PUT a.md", "PUT b.md");
    }

    @Test
    void aRenameIsADeleteOfTheOldPathAndAPutOfTheNewOne() throws Exception {
        VaultSync sync = sync();
        write(vault, "Daily/old name.md", "note");
        sync.noticed("Daily/old name.md", 0);
        sync.sendDue(DEBOUNCE);

        Files.move(vault.resolve("Daily/old name.md"), vault.resolve("Daily/new name.md"));
        sync.noticed("Daily/old name.md", 1_000);
        sync.noticed("Daily/new name.md", 1_000);
        sync.sendDue(1_000 + DEBOUNCE);

        assertThat(sender.summary()).containsExactly("PUT Daily/old name.md", "DELETE Daily/old name.md", "PUT Daily/new name.md");
    }

    @Test
    void aFolderMovedAwayDeletesEveryNoteThatWasSentFromIt() throws Exception {
        VaultSync sync = sync();
        write(vault, "Week 1/a.md", "a");
        write(vault, "Week 1/sub/b.md", "b");
        sync.scan(0);
        sync.sendDue(0);

        Files.move(vault.resolve("Week 1"), vault.resolve(".trash"));
        sync.noticed("Week 1", 10);
        sync.noticed(".trash", 10);
        sync.sendDue(10 + DEBOUNCE);

        assertThat(sender.summary()).containsExactlyInAnyOrder("PUT Week 1/a.md", "PUT Week 1/sub/b.md",
                "DELETE Week 1/a.md", "DELETE Week 1/sub/b.md");
    }

    @Test
    void aFolderMovedInSendsEveryNoteInIt() throws Exception {
        VaultSync sync = sync();
        write(vault, "Archive/2025/x.md", "x");
        write(vault, "Archive/2025/.hidden/y.md", "y");
        write(vault, "Archive/2025/picture.png", "png");
        sync.noticedFolder("Archive", 0);
        sync.sendDue(DEBOUNCE);
        assertThat(sender.summary()).containsExactly("PUT Archive/2025/x.md");
    }

    @Test
    void hiddenFoldersAndOtherFilesAreNeverSent() throws Exception {
        VaultSync sync = sync();
        write(vault, ".obsidian/workspace.md", "{}");
        write(vault, "assets/diagram.png", "png");
        sync.noticed(".obsidian/workspace.md", 0);
        sync.noticed("assets/diagram.png", 0);
        sync.scan(0);
        assertThat(sync.sendDue(DEBOUNCE)).isEqualTo(Long.MAX_VALUE);
        assertThat(sender.calls()).isEmpty();
    }

    @Test
    void aRestartSendsOnlyWhatChangedWhileStoppedAndDeletesWhatVanished() throws Exception {
        write(vault, "same.md", "same");
        write(vault, "edited.md", "before");
        write(vault, "gone.md", "gone");
        VaultSync first = sync();
        first.scan(0);
        first.sendDue(0);
        assertThat(sender.summary()).containsExactlyInAnyOrder("PUT same.md", "PUT edited.md", "PUT gone.md");

        // Stopped; meanwhile the learner edits, deletes and adds notes.
        write(vault, "edited.md", "after");
        Files.delete(vault.resolve("gone.md"));
        write(vault, "new.md", "new");
        RecordingSender restarted = new RecordingSender();
        sender = restarted;
        VaultSync second = sync();
        second.scan(0);
        second.sendDue(0);

        assertThat(restarted.summary()).containsExactlyInAnyOrder("PUT edited.md", "DELETE gone.md", "PUT new.md");
        assertThat(restarted.calls()).contains(new RecordingSender.Call("PUT", "edited.md", "after"));
    }

    @Test
    void whileTheServiceIsAwayChangesAreKeptAndRetriedWithACappedBackoff() throws Exception {
        VaultSync sync = sync();
        sender.answer(call -> SendResult.unreachable("ConnectException"));
        write(vault, "a.md", "first");
        sync.noticed("a.md", 0);

        long now = DEBOUNCE;
        long wait = sync.sendDue(now);
        assertThat(wait).isEqualTo(VaultSync.FIRST_RETRY_MILLIS);
        long longest = 0;
        for (int i = 0; i < 10; i++) {
            now += wait;
            wait = sync.sendDue(now);
            longest = Math.max(longest, wait);
        }
        assertThat(longest).isEqualTo(VaultSync.MAX_RETRY_MILLIS);
        assertThat(sync.pendingCount()).isEqualTo(1);
        assertThat(err.toString()).containsOnlyOnce("ingest-service unavailable");

        // An edit while the service is away, then a 503, then the service is back: the latest bytes arrive.
        write(vault, "a.md", "second");
        sync.noticed("a.md", now);
        sender.answer(call -> SendResult.of(503, "starting"));
        now += Math.max(wait, DEBOUNCE);
        wait = sync.sendDue(now);
        assertThat(wait).isEqualTo(VaultSync.MAX_RETRY_MILLIS);
        sender.answer(call -> SendResult.of(202, "accepted"));
        assertThat(sync.sendDue(now + wait)).isEqualTo(Long.MAX_VALUE);
        assertThat(sender.calls().get(sender.calls().size() - 1)).isEqualTo(new RecordingSender.Call("PUT", "a.md", "second"));
        assertThat(out.toString()).contains("ingest-service is back");
        assertThat(sync.pendingCount()).isZero();
    }

    @Test
    void aRejectedNoteIsReportedOnceAndSentAgainOnlyWhenItChanges() throws Exception {
        VaultSync sync = sync();
        sender.answer(call -> SendResult.of(422, "unreadable note: invalid UTF-8 at byte offset 5"));
        write(vault, "bad.md", "bad");
        sync.noticed("bad.md", 0);
        sync.sendDue(DEBOUNCE);
        sync.noticed("bad.md", 1_000);
        sync.sendDue(1_000 + DEBOUNCE);
        assertThat(sender.summary()).containsExactly("PUT bad.md");
        assertThat(err.toString()).contains("REJECTED bad.md: HTTP 422 unreadable note: invalid UTF-8 at byte offset 5");

        sender.answer(call -> SendResult.of(202, "accepted"));
        write(vault, "bad.md", "fixed");
        sync.noticed("bad.md", 2_000);
        sync.sendDue(2_000 + DEBOUNCE);
        assertThat(sender.summary()).containsExactly("PUT bad.md", "PUT bad.md");
    }

    @Test
    void aRefusedTokenStopsTheWatcherAndKeepsTheChange() throws Exception {
        VaultSync sync = sync();
        sender.answer(call -> SendResult.of(401, "unauthorized"));
        write(vault, "a.md", "a");
        sync.noticed("a.md", 0);
        assertThatThrownBy(() -> sync.sendDue(DEBOUNCE)).isInstanceOf(VaultSync.RefusedException.class)
                .hasMessageContaining("401");
        assertThat(sync.pendingCount()).isEqualTo(1);
    }

    @Test
    void aNoteCreatedAndDeletedWithinTheDebounceSendsNothing() throws Exception {
        VaultSync sync = sync();
        write(vault, "tmp.md", "x");
        sync.noticed("tmp.md", 0);
        Files.delete(vault.resolve("tmp.md"));
        sync.noticed("tmp.md", 50);
        sync.sendDue(50 + DEBOUNCE);
        assertThat(sender.calls()).isEmpty();
    }
}
