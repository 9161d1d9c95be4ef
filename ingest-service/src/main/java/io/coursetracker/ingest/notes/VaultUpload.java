package io.coursetracker.ingest.notes;

import io.coursetracker.contracts.note.Note;
import io.coursetracker.support.web.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Semaphore;

/**
 * A whole vault at once: every note in the archive is one edit, each accepted or refused on its
 * own (one bad note does not stop the others); the accepted ones are stored a hundred (or 4 MiB) to a
 * transaction. With {@code mirror}, notes the learner has that the archive lacks are deleted. The
 * archive is never inflated into memory: its notes are read one at a time from the temporary file.
 */
@ApplicationScoped
public class VaultUpload {
    private static final Logger LOG = Logger.getLogger(VaultUpload.class);
    /**
     * Notes stored per transaction: one commit (and one wait for the disk) per hundred notes rather
     * than per note, while a transaction's locks and memory stay small and a 10,000-note vault does
     * not become one long transaction.
     */
    static final int EDITS_PER_TRANSACTION = 100;
    /**
     * Note bytes stored per transaction at most (a transaction also ends at {@link #EDITS_PER_TRANSACTION}
     * notes): a transaction keeps its notes' bytes, parsed notes and event JSON until it commits, so
     * its memory is bounded by bytes, not only by count. Typical notes (a few KiB) fill a transaction
     * by count; 1 MiB notes go four to a transaction.
     */
    static final long BYTES_PER_TRANSACTION = 4L * 1024 * 1024;

    private final NoteAnalyzer analyzer;
    private final NoteIntake intake;
    private final NoteHeadRepository heads;
    private final NoteMemory memory;
    private final int storingSlotCount;
    private final Semaphore storingSlots;
    private final int receivingSlotCount;
    private final Semaphore receivingSlots;

    public VaultUpload(NoteAnalyzer analyzer, NoteIntake intake, NoteHeadRepository heads, NoteMemory memory, VaultConfig config) {
        this.analyzer = analyzer;
        this.intake = intake;
        this.heads = heads;
        this.memory = memory;
        this.storingSlotCount = config.concurrentUploads() > 0 ? config.concurrentUploads() : Runtime.getRuntime().availableProcessors();
        this.storingSlots = new Semaphore(storingSlotCount, true);
        this.receivingSlotCount = Math.max(1, config.concurrentReceives());
        this.receivingSlots = new Semaphore(receivingSlotCount, true);
    }

    public record Rejected(String path, String error) {
    }

    public record Result(int accepted, int unchanged, int deleted, List<Rejected> rejected) {
    }

    /**
     * Receives the zipped vault into a temporary file (one of {@link VaultConfig#concurrentReceives()}
     * turns), then, once one of the storing slots is free ({@link VaultConfig#concurrentUploads()}),
     * reads and stores its notes one at a time; the archive is not inflated before that. A vault keeps its receiving
     * turn until it has a storing slot, so at most receives + storing slots files are on disk at once.
     * The file is deleted when this returns, whatever happened.
     */
    public Result upload(String learnerId, List<String> courses, InputStream zip, boolean mirror) {
        Path received = null;
        acquire(receivingSlots);
        try {
            received = receive(zip);
            acquire(storingSlots);
        } catch (RuntimeException e) {
            deleteQuietly(received);
            throw e;
        } finally {
            receivingSlots.release();
        }
        try {
            return store(learnerId, courses, received, mirror);
        } catch (IOException e) {
            throw new UncheckedIOException("the received vault could not be read back from " + received, e);
        } finally {
            storingSlots.release();
            deleteQuietly(received);
        }
    }

    /** The number of vaults stored at the same time. */
    int storingSlots() {
        return storingSlotCount;
    }

    /** The number of vault bodies received at the same time. */
    int receivingSlots() {
        return receivingSlotCount;
    }

    /**
     * Copies the request body to a new temporary file; on failure the partial file is deleted. Written
     * here, not left to the REST layer: the copy must happen before a storing slot is taken, under its
     * own bound, and the file must go once the vault is stored.
     */
    private static Path receive(InputStream zip) {
        Path file = null;
        try {
            file = Files.createTempFile("vault-", ".zip");
            try (OutputStream out = Files.newOutputStream(file)) {
                byte[] buffer = new byte[64 * 1024];
                int read;
                while ((read = readBody(zip, buffer)) >= 0) {
                    out.write(buffer, 0, read);
                }
            }
            return file;
        } catch (IOException e) {
            // Writing failed (the disk, not the client): a server error.
            deleteQuietly(file);
            throw new UncheckedIOException("the received vault could not be written to " + file, e);
        } catch (RuntimeException e) {
            deleteQuietly(file);
            throw e;
        }
    }

    /** Reads the request body; a body cut short (the client went away) is the client's error, not the server's. */
    private static int readBody(InputStream body, byte[] buffer) {
        try {
            return body.read(buffer);
        } catch (IOException e) {
            throw ApiException.badRequest("incomplete upload", "the vault's body was not received whole: " + e.getMessage());
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warnf("received vault %s not deleted: %s", file, e.getMessage());
        }
    }

    private static void acquire(Semaphore slots) {
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to receive or store a vault; nothing was stored", e);
        }
    }

    /**
     * Stores the notes of a received archive: a first pass checks the whole-archive caps (nothing is
     * stored if one is crossed), a second reads the notes one at a time and stores them in
     * transactions of at most {@link #EDITS_PER_TRANSACTION} notes and {@link #BYTES_PER_TRANSACTION}
     * bytes, each note holding its share of {@link NoteMemory} from before it is parsed until its
     * transaction has committed.
     */
    private Result store(String learnerId, List<String> courses, Path archive, boolean mirror) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(archive))) {
            VaultArchive.check(in);
        }
        Batch batch = new Batch(learnerId);
        List<Rejected> rejected = new ArrayList<>();
        Set<String> inArchive = new HashSet<>();
        NoteAnalyzer.Analyzer analyze = analyzer.forCourses(courses);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(archive))) {
            VaultArchive.forEachNote(in, entry -> {
                inArchive.add(entry.path());
                if (entry.rejection() != null) {
                    rejected.add(new Rejected(entry.path(), entry.rejection()));
                    return;
                }
                NoteMemory.Share share = memory.tryReserve(entry.content().length);
                if (share == null) {
                    // Store what this vault holds before waiting, so that no two waiters hold what the other waits for.
                    batch.store();
                    share = memory.reserve(entry.content().length);
                }
                try {
                    Note note = analyze.analyze(entry.path(), entry.content());
                    share.parsed(entry.content().length);
                    batch.add(new NoteIntake.Edit(entry.path(), entry.content(), note), share);
                } catch (ApiException e) {
                    share.close();
                    rejected.add(new Rejected(entry.path(), e.detail()));
                } catch (RuntimeException | Error e) {
                    // Not yet the batch's: given back here, or the budget would shrink for good.
                    share.close();
                    throw e;
                }
                if (batch.full()) {
                    batch.store();
                }
            });
            batch.store();
        } finally {
            batch.release();
        }
        int deleted = 0;
        if (mirror) {
            for (String path : heads.livePaths(learnerId)) {
                if (!inArchive.contains(path)) {
                    intake.delete(learnerId, path);
                    deleted++;
                }
            }
        }
        return new Result(batch.accepted, batch.unchanged, deleted, rejected);
    }

    /** The parsed notes of the next transaction, with their shares of {@link NoteMemory}, and the outcomes so far. */
    private final class Batch {
        private final String learnerId;
        private final List<NoteIntake.Edit> pending = new ArrayList<>();
        private final List<NoteMemory.Share> shares = new ArrayList<>();
        private long bytes;
        int accepted;
        int unchanged;

        Batch(String learnerId) {
            this.learnerId = learnerId;
        }

        void add(NoteIntake.Edit edit, NoteMemory.Share share) {
            pending.add(edit);
            shares.add(share);
            bytes += edit.content().length;
        }

        boolean full() {
            return pending.size() >= EDITS_PER_TRANSACTION || bytes >= BYTES_PER_TRANSACTION;
        }

        /** Stores the pending edits in one transaction, counts their outcomes, and gives their memory back. */
        void store() {
            try {
                if (!pending.isEmpty()) {
                    for (NoteIntake.Outcome outcome : intake.reviseAll(learnerId, pending)) {
                        if (outcome instanceof NoteIntake.Accepted) {
                            accepted++;
                        } else {
                            unchanged++;
                        }
                    }
                }
            } finally {
                release();
            }
        }

        void release() {
            pending.clear();
            bytes = 0;
            shares.forEach(NoteMemory.Share::close);
            shares.clear();
        }
    }
}
