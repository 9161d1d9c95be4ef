package io.coursetracker.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static io.coursetracker.cli.VaultPathsTest.write;
import static org.assertj.core.api.Assertions.assertThat;

/** The watcher on a real folder with the JDK's WatchService; results are polled for with a deadline. */
class VaultWatcherTest {
    @TempDir
    Path vault;

    final RecordingSender sender = new RecordingSender();
    final StringWriter out = new StringWriter();
    final ExecutorService thread = Executors.newSingleThreadExecutor();
    Future<?> watching;

    @BeforeEach
    void startWatching() throws Exception {
        write(vault, "Daily/existing.md", "already there");
        PrintWriter print = new PrintWriter(out, true);
        VaultSync sync = new VaultSync(vault, sender, SyncState.load(SyncState.defaultFile(vault, "sam"), "sam", "http://server"),
                100, print, print);
        watching = thread.submit(() -> {
            new VaultWatcher(vault, sync, print).run();
            return null;
        });
        await(calls -> calls.contains("PUT Daily/existing.md"));
        awaitOutput("Watching");
    }

    @AfterEach
    void stopWatching() throws Exception {
        watching.cancel(true);
        thread.shutdown();
        assertThat(thread.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void savesRenamesDeletesAndNewFoldersAreSentHiddenOnesAreNot() throws Exception {
        write(vault, "Daily/2026-03-14.md", "# 2026-03-14");
        await(calls -> calls.contains("PUT Daily/2026-03-14.md"));

        Files.move(vault.resolve("Daily/2026-03-14.md"), vault.resolve("Daily/2026-03-14 Saturday.md"));
        await(calls -> calls.contains("DELETE Daily/2026-03-14.md") && calls.contains("PUT Daily/2026-03-14 Saturday.md"));

        write(vault, "Week 2/Deep/new.md", "new folder, new note");
        await(calls -> calls.contains("PUT Week 2/Deep/new.md"));
        write(vault, "Week 2/Deep/later.md", "the new folder is watched too");
        await(calls -> calls.contains("PUT Week 2/Deep/later.md"));

        write(vault, ".obsidian/workspace.md", "{}");
        write(vault, ".trash/x.md", "x");
        write(vault, "Daily/picture.png", "png");
        Files.delete(vault.resolve("Daily/existing.md"));
        await(calls -> calls.contains("DELETE Daily/existing.md"));

        assertThat(sender.summary()).noneMatch(call -> call.contains(".obsidian") || call.contains(".trash") || call.contains(".png")
                || call.contains(".course-tracker"));
        assertThat(sender.summary()).filteredOn(call -> call.startsWith("PUT Daily/2026-03-14 Saturday.md")).hasSize(1);
    }

    private void await(Predicate<List<String>> expected) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (!expected.test(sender.summary())) {
            assertThat(Instant.now()).as("calls so far: %s; output: %s", sender.summary(), out).isBefore(deadline);
            assertThat(watching.isDone()).as("the watcher stopped; output: %s", out).isFalse();
            Thread.sleep(10);
        }
    }

    private void awaitOutput(String text) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (!out.toString().contains(text)) {
            assertThat(Instant.now()).as("output: %s", out).isBefore(deadline);
            Thread.sleep(10);
        }
    }
}
