package io.coursetracker.ingest.notes;

import io.coursetracker.support.web.ApiException;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.InputStream;
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
    /**
     * Notes stored per transaction: one commit (and one wait for the disk) per hundred notes rather
     * than per note, while a transaction's locks and memory stay small and a 10,000-note vault does
     * not become one long transaction.
     */
    static final int EDITS_PER_TRANSACTION = 100;

    private final NoteAnalyzer analyzer;
    private final NoteIntake intake;
    private final NoteHeadRepository heads;
    private final Semaphore uploadSlots;

    public VaultUpload(NoteAnalyzer analyzer, NoteIntake intake, NoteHeadRepository heads, VaultConfig config) {
        this.analyzer = analyzer;
        this.intake = intake;
        this.heads = heads;
        int slots = config.concurrentUploads() > 0 ? config.concurrentUploads() : Runtime.getRuntime().availableProcessors();
        this.uploadSlots = new Semaphore(slots, true);
    }

    public record Rejected(String path, String error) {
    }

    public record Result(int accepted, int unchanged, int deleted, List<Rejected> rejected) {
    }

    /**
     * Reads the zipped vault and stores its notes, once one of the upload slots is free
     * ({@link VaultConfig#concurrentUploads()}); the archive is not inflated before that.
     */
    public Result upload(String learnerId, List<String> courses, InputStream zip, boolean mirror) {
        try {
            uploadSlots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to store a vault; nothing was stored", e);
        }
        try {
            return upload(learnerId, courses, VaultArchive.read(zip), mirror);
        } finally {
            uploadSlots.release();
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
