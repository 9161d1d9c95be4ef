package io.coursetracker.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The watcher's logic, without the watching: which notes are pending, when each is due (debounced
 * per path), and what to send for it. Decisions are made from the folder as it is when a path
 * comes due, not from the events that made it pending: a save is a PUT of the current bytes, a
 * file that is gone is a DELETE if it was ever sent, and a rename is simply both. So events may
 * repeat, arrive out of order or be lost to an overflow (then {@link #scan} catches up) without
 * losing a change.
 *
 * <p>While the service is away a pending path stays pending; sending pauses with a capped,
 * doubling backoff. Times are milliseconds from any monotonic clock, passed in, so tests need no waiting.
 * Not thread-safe: one thread watches and sends.
 */
public final class VaultSync {
    static final long FIRST_RETRY_MILLIS = 250;
    static final long MAX_RETRY_MILLIS = 5_000;

    /** No later attempt can succeed (wrong token, unknown learner): the watcher stops. */
    public static final class RefusedException extends Exception {
        public RefusedException(String message) {
            super(message);
        }
    }

    private final Path vault;
    private final NoteSender sender;
    private final SyncState state;
    private final long debounceMillis;
    private final PrintWriter out;
    private final PrintWriter err;

    private final Map<String, Long> pending = new LinkedHashMap<>();
    /** The content hash last rejected per path, so the same bad bytes are reported once, not on every event. */
    private final Map<String, String> rejected = new HashMap<>();
    private long retryAt = Long.MIN_VALUE;
    private long backoff = 0;

    public VaultSync(Path vault, NoteSender sender, SyncState state, long debounceMillis, PrintWriter out, PrintWriter err) {
        this.vault = vault.toAbsolutePath().normalize();
        this.sender = sender;
        this.state = state;
        this.debounceMillis = debounceMillis;
        this.out = out;
        this.err = err;
    }

    /** Makes every note whose content differs from what was last sent, and every sent note now gone, due at once. */
    public void scan(long now) throws IOException {
        for (String path : VaultPaths.notesUnder(vault, vault)) {
            byte[] content = read(path);
            if (content != null && !state.sentHash(path).map(SyncState.sha256(content)::equals).orElse(false)) {
                pending.putIfAbsent(path, now);
            }
        }
        for (String path : state.paths()) {
            if (!Files.isRegularFile(vault.resolve(path), LinkOption.NOFOLLOW_LINKS)) {
                pending.putIfAbsent(path, now);
            }
        }
    }

    /**
     * Something happened at this vault-relative path (a file saved, created or deleted, a folder
     * deleted or moved away): it, and any sent note under it, is due after the debounce.
     */
    public void noticed(String path, long now) {
        if (VaultPaths.isHidden(path)) {
            return;
        }
        if (VaultPaths.isNote(path)) {
            debounce(path, now);
        }
        String prefix = path + "/";
        for (String sent : state.paths()) {
            if (sent.startsWith(prefix)) {
                debounce(sent, now);
            }
        }
    }

    /** A folder appeared (created, or moved in): every note in it is due after the debounce. */
    public void noticedFolder(String path, long now) throws IOException {
        if (VaultPaths.isHidden(path)) {
            return;
        }
        for (String note : VaultPaths.notesUnder(vault, vault.resolve(path))) {
            debounce(note, now);
        }
        noticed(path, now);
    }

    private void debounce(String path, long now) {
        // Re-inserted so the map stays in due order: an editor's burst of writes is one send, after the last.
        pending.remove(path);
        pending.put(path, now + debounceMillis);
    }

    public int pendingCount() {
        return pending.size();
    }

    /**
     * Sends every pending path that is due, oldest first. Returns how many milliseconds until the
     * next one is due (or a retry is), or {@link Long#MAX_VALUE} when nothing is pending.
     */
    public long sendDue(long now) throws IOException, InterruptedException, RefusedException {
        if (now < retryAt) {
            return retryAt - now;
        }
        boolean changed = false;
        try {
            List<String> due = new ArrayList<>();
            pending.forEach((path, dueAt) -> {
                if (dueAt <= now) {
                    due.add(path);
                }
            });
            for (String path : due) {
                SendResult result;
                try {
                    result = send(path);
                } catch (UncheckedIOException unreadable) {
                    // A file we may not read (permissions, a lock) is reported, not taken for a delete; its next save retries.
                    err.printf("cannot read %s: %s%n", path, unreadable.getCause());
                    pending.remove(path);
                    continue;
                }
                if (result != null && result.kind() == SendResult.Kind.UNAVAILABLE) {
                    backoff = backoff == 0 ? FIRST_RETRY_MILLIS : Math.min(backoff * 2, MAX_RETRY_MILLIS);
                    if (retryAt == Long.MIN_VALUE) {
                        err.printf("ingest-service unavailable (%s): %d change(s) kept, retrying every %d s at most%n",
                                result.status() == 0 ? result.message() : "HTTP " + result.status() + " " + result.message(),
                                pending.size(), MAX_RETRY_MILLIS / 1000);
                        err.flush();
                    }
                    retryAt = now + backoff;
                    return backoff;
                }
                pending.remove(path);
                if (result != null) {
                    changed = true;
                    if (retryAt != Long.MIN_VALUE) {
                        out.println("ingest-service is back");
                    }
                    retryAt = Long.MIN_VALUE;
                    backoff = 0;
                }
            }
        } finally {
            if (changed) {
                state.save();
            }
            out.flush();
            err.flush();
        }
        long next = Long.MAX_VALUE;
        for (long dueAt : pending.values()) {
            next = Math.min(next, Math.max(0, dueAt - now));
        }
        return next;
    }

    /** Sends what the path needs now; null when it needs nothing (already sent, never sent and gone). */
    private SendResult send(String path) throws InterruptedException, RefusedException {
        byte[] content = read(path);
        SendResult result;
        if (content != null) {
            String hash = SyncState.sha256(content);
            if (state.sentHash(path).map(hash::equals).orElse(false) || hash.equals(rejected.get(path))) {
                return null;
            }
            result = sender.put(path, content);
            if (result.kind() == SendResult.Kind.DONE) {
                state.sent(path, hash);
                rejected.remove(path);
                out.printf("sent     %s (%s)%n", path, result.message());
            } else if (result.kind() == SendResult.Kind.REJECTED) {
                rejected.put(path, hash);
                err.printf("REJECTED %s: HTTP %d %s%n", path, result.status(), result.message());
            }
        } else {
            rejected.remove(path);
            if (state.sentHash(path).isEmpty()) {
                return null;
            }
            result = sender.delete(path);
            if (result.kind() == SendResult.Kind.DONE) {
                state.deleted(path);
                out.printf("deleted  %s%n", path);
            } else if (result.kind() == SendResult.Kind.REJECTED) {
                // The server will not delete it (a path it refuses): forget it rather than ask forever.
                state.deleted(path);
                err.printf("REJECTED delete of %s: HTTP %d %s%n", path, result.status(), result.message());
            }
        }
        if (result.kind() == SendResult.Kind.REFUSED) {
            throw new RefusedException("ingest-service refused " + path + ": HTTP " + result.status() + " " + result.message());
        }
        return result;
    }

    /** The note's bytes, or null when it is not a regular file (deleted, moved away, a folder). */
    private byte[] read(String path) {
        Path file = vault.resolve(path);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException gone) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
