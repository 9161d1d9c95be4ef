package io.coursetracker.ingest.notes;

import io.coursetracker.support.web.ApiException;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A whole vault at once: every note in the archive is one edit, each accepted or refused on its
 * own (one bad note does not stop the others). With {@code mirror}, notes the learner has that
 * the archive lacks are deleted.
 */
@ApplicationScoped
public class VaultUpload {
    private final NoteAnalyzer analyzer;
    private final NoteIntake intake;
    private final NoteHeadRepository heads;

    public VaultUpload(NoteAnalyzer analyzer, NoteIntake intake, NoteHeadRepository heads) {
        this.analyzer = analyzer;
        this.intake = intake;
        this.heads = heads;
    }

    public record Rejected(String path, String error) {
    }

    public record Result(int accepted, int unchanged, int deleted, List<Rejected> rejected) {
    }

    public Result upload(String learnerId, List<String> courses, List<VaultArchive.Entry> entries, boolean mirror) {
        int accepted = 0;
        int unchanged = 0;
        List<Rejected> rejected = new ArrayList<>();
        Set<String> inArchive = new HashSet<>();
        for (VaultArchive.Entry entry : entries) {
            inArchive.add(entry.path());
            if (entry.rejection() != null) {
                rejected.add(new Rejected(entry.path(), entry.rejection()));
                continue;
            }
            try {
                var note = analyzer.analyze(entry.path(), entry.content(), courses);
                if (intake.revise(learnerId, entry.path(), entry.content(), note) instanceof NoteIntake.Accepted) {
                    accepted++;
                } else {
                    unchanged++;
                }
            } catch (ApiException e) {
                rejected.add(new Rejected(entry.path(), e.detail()));
            }
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
        return new Result(accepted, unchanged, deleted, rejected);
    }
}
