package io.coursetracker.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Follows a vault folder and its subfolders with a {@link WatchService} and feeds what happens to
 * a {@link VaultSync}; one thread does both, so a slow or absent server never loses an event.
 * Hidden folders are not watched. Runs until interrupted, or until the server refuses the token.
 */
public final class VaultWatcher {
    private final Path vault;
    private final VaultSync sync;
    private final PrintWriter out;
    private final Map<WatchKey, Path> folders = new HashMap<>();

    public VaultWatcher(Path vault, VaultSync sync, PrintWriter out) {
        this.vault = vault.toAbsolutePath().normalize();
        this.sync = sync;
        this.out = out;
    }

    public void run() throws IOException, InterruptedException, VaultSync.RefusedException {
        try (WatchService watcher = vault.getFileSystem().newWatchService()) {
            // Watch first, then scan: a note saved in between is seen by both, never by neither.
            registerTree(watcher, vault);
            sync.scan(now());
            out.printf("Watching %s (%d folder(s)); %d note(s) to send. Ctrl-C stops.%n", vault, folders.size(), sync.pendingCount());
            out.flush();
            while (true) {
                long wait = sync.sendDue(now());
                WatchKey key = wait == Long.MAX_VALUE ? watcher.take() : watcher.poll(Math.max(1, wait), TimeUnit.MILLISECONDS);
                while (key != null) {
                    handle(watcher, key);
                    key = watcher.poll();
                }
            }
        } catch (ClosedWatchServiceException e) {
            throw new InterruptedException("the watch service was closed");
        }
    }

    private void handle(WatchService watcher, WatchKey key) throws IOException {
        Path folder = folders.get(key);
        for (WatchEvent<?> event : key.pollEvents()) {
            long now = now();
            if (event.kind() == StandardWatchEventKinds.OVERFLOW || folder == null) {
                // Events were dropped: compare the whole vault with what was sent.
                sync.scan(now);
                continue;
            }
            Path child = folder.resolve((Path) event.context());
            String path = VaultPaths.relative(vault, child);
            if (VaultPaths.isHidden(path)) {
                continue;
            }
            if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
                registerTree(watcher, child);
                sync.noticedFolder(path, now);
            } else {
                sync.noticed(path, now);
            }
        }
        if (!key.reset()) {
            // The folder is gone; its notes are handled through the event its parent saw.
            folders.remove(key);
        }
    }

    private void registerTree(WatchService watcher, Path root) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (!dir.equals(vault) && VaultPaths.isHidden(VaultPaths.relative(vault, dir))) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                // A folder moved within the vault keeps its key: put() updates the path it stands for.
                folders.put(dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE,
                        StandardWatchEventKinds.ENTRY_DELETE, StandardWatchEventKinds.ENTRY_MODIFY), dir);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static long now() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime());
    }
}
