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

    /**
     * An analyzer for many notes of one learner (a vault): the catalogs are looked up and the lesson
     * resolver (dozens of alias patterns) is compiled once, not once per note.
     */
    public Analyzer forCourses(Collection<String> courseIds) {
        LessonMentionResolver resolver = LessonMentionResolver.forCatalogs(catalogs.forIds(courseIds));
        return (notePath, content) -> resolver.resolveAll(parse(notePath, content));
    }

    /** Parses and resolves notes against one set of courses. */
    @FunctionalInterface
    public interface Analyzer {
        Note analyze(String notePath, byte[] content);
    }

    /** For an admin, who follows no course: every catalog. */
    public Note analyzeAgainstAllCourses(String notePath, byte[] content) {
        return analyzeAgainst(notePath, content, catalogs.allCaughtUp());
    }

    private Note analyzeAgainst(String notePath, byte[] content, List<CourseCatalog> catalogs) {
        return LessonMentionResolver.forCatalogs(catalogs).resolveAll(parse(notePath, content));
    }

    private Note parse(String notePath, byte[] content) {
        try {
            return parser.parse(notePath, content);
        } catch (InvalidNoteException e) {
            throw new ApiException(422, "unreadable note", e.getMessage());
        }
    }
}
