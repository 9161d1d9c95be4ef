package io.coursetracker.ingest.notes;

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
 * own (one bad note does not stop the others); the accepted ones are stored a hundred to a
 * transaction. With {@code mirror}, notes the learner has that the archive lacks are deleted.
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

    private final NoteAnalyzer analyzer;
    private final NoteIntake intake;
    private final NoteHeadRepository heads;
    private final int storingSlotCount;
    private final Semaphore storingSlots;
    private final int receivingSlotCount;
    private final Semaphore receivingSlots;

    public VaultUpload(NoteAnalyzer analyzer, NoteIntake intake, NoteHeadRepository heads, VaultConfig config) {
        this.analyzer = analyzer;
        this.intake = intake;
        this.heads = heads;
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
     * reads and stores its notes; the archive is not inflated before that. A vault keeps its receiving
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
        try (InputStream archive = new BufferedInputStream(Files.newInputStream(received))) {
            return upload(learnerId, courses, VaultArchive.read(archive), mirror);
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

    Result upload(String learnerId, List<String> courses, List<VaultArchive.Entry> entries, boolean mirror) {
        int[] acceptedAndUnchanged = new int[2];
        List<Rejected> rejected = new ArrayList<>();
        Set<String> inArchive = new HashSet<>();
        List<NoteIntake.Edit> pending = new ArrayList<>();
        NoteAnalyzer.Analyzer analyze = analyzer.forCourses(courses);
        for (VaultArchive.Entry entry : entries) {
            inArchive.add(entry.path());
            if (entry.rejection() != null) {
                rejected.add(new Rejected(entry.path(), entry.rejection()));
                continue;
            }
            try {
                pending.add(new NoteIntake.Edit(entry.path(), entry.content(), analyze.analyze(entry.path(), entry.content())));
            } catch (ApiException e) {
                rejected.add(new Rejected(entry.path(), e.detail()));
            }
            if (pending.size() == EDITS_PER_TRANSACTION) {
                store(learnerId, pending, acceptedAndUnchanged);
            }
        }
        store(learnerId, pending, acceptedAndUnchanged);
        int accepted = acceptedAndUnchanged[0];
        int unchanged = acceptedAndUnchanged[1];
        int deleted = 0;
        if (mirror) {
            for (String path : heads.livePaths(learnerId)) {
                if (!inArchive.contains(path)) {
                    intake.delete(learnerId, path);
                    deleted++;
                }
            }
        }
        return new Result(accepted, unchanged, deleted, rejected);
    }

    /** Stores the pending edits in one transaction, counts their outcomes, and empties the list. */
    private void store(String learnerId, List<NoteIntake.Edit> pending, int[] acceptedAndUnchanged) {
        if (pending.isEmpty()) {
            return;
        }
        for (NoteIntake.Outcome outcome : intake.reviseAll(learnerId, pending)) {
            acceptedAndUnchanged[outcome instanceof NoteIntake.Accepted ? 0 : 1]++;
        }
        pending.clear();
    }
}
