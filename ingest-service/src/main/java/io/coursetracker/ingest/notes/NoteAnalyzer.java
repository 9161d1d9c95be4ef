package io.coursetracker.ingest.notes;

import io.coursetracker.contracts.catalog.CourseCatalog;
import io.coursetracker.contracts.catalog.LessonMentionResolver;
import io.coursetracker.contracts.note.Note;
import io.coursetracker.notes.InvalidNoteException;
import io.coursetracker.notes.NoteParser;
import io.coursetracker.support.catalogs.CatalogDirectory;
import io.coursetracker.support.web.ApiException;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;

/**
 * Parses a note and resolves its tasks' lesson mentions against the courses the learner follows,
 * as the catalogs topic has them now (bundled catalogs, replaced ones, a team's own courses).
 */
@ApplicationScoped
public class NoteAnalyzer {
    private final NoteParser parser = new NoteParser();
    private final CatalogDirectory catalogs;

    public NoteAnalyzer(CatalogDirectory catalogs) {
        this.catalogs = catalogs;
    }

    public Note analyze(String notePath, byte[] content, Collection<String> courseIds) {
        return analyzeAgainst(notePath, content, catalogs.forIds(courseIds));
    }

    /** For an admin, who follows no course: every catalog. */
    public Note analyzeAgainstAllCourses(String notePath, byte[] content) {
        return analyzeAgainst(notePath, content, catalogs.allCaughtUp());
    }

    private Note analyzeAgainst(String notePath, byte[] content, List<CourseCatalog> catalogs) {
        Note parsed;
        try {
            parsed = parser.parse(notePath, content);
        } catch (InvalidNoteException e) {
            throw new ApiException(422, "unreadable note", e.getMessage());
        }
        return LessonMentionResolver.forCatalogs(catalogs).resolveAll(parsed);
    }
}
