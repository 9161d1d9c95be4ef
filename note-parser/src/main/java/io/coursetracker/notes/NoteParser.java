package io.coursetracker.notes;

import io.coursetracker.contracts.note.Note;
import io.coursetracker.contracts.note.SectionCounts;
import io.coursetracker.contracts.note.TaskStatus;
import io.coursetracker.notes.date.StudyDate;
import io.coursetracker.notes.encoding.NoteDecoder;
import io.coursetracker.notes.frontmatter.FrontMatter;
import io.coursetracker.notes.markdown.InlineTags;
import io.coursetracker.notes.markdown.MarkdownContent;
import io.coursetracker.notes.markdown.MarkdownReader;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a note's bytes into the {@link Note} of SPEC section 1. Lessons are left empty: resolving
 * them needs the learner's courses and happens after parsing.
 *
 * <p>Stateless and thread-safe; build one and share it.
 */
public final class NoteParser {

    private final NoteDecoder decoder = new NoteDecoder();
    private final MarkdownReader markdownReader = new MarkdownReader();

    /**
     * @param notePath the vault-relative path ({@code Daily/2025-08-02.md}); its file name may carry
     *                 the study date. May be null.
     * @param content  the note's bytes
     * @throws InvalidNoteException when the bytes are not UTF-8 text
     */
    public Note parse(String notePath, byte[] content) {
        NoteDecoder.DecodedText decoded = decoder.decode(content);
        FrontMatter frontMatter = FrontMatter.of(decoded.text());
        // A set: a limit reached many times, or the same bad tag written twice, is one warning.
        Set<String> warnings = new LinkedHashSet<>(decoded.warnings());
        warnings.addAll(frontMatter.warnings());

        Set<String> tags = new LinkedHashSet<>();
        for (String written : frontMatter.tags()) {
            Optional<String> tag = InlineTags.normalise(written);
            if (tag.isEmpty()) {
                warnings.add("front matter tag '" + NoteLimits.quoted(written) + "' is not a valid tag and was ignored");
            } else if (tag.get().length() > NoteLimits.MAX_TAG_CHARS) {
                warnings.add(MarkdownReader.TAG_TOO_LONG);
            } else {
                addTag(tags, tag.get(), warnings);
            }
        }
        // The front matter's tags come first, so the body's extracted text gets what they leave of the limit.
        int frontMatterChars = tags.stream().mapToInt(String::length).sum();
        MarkdownContent markdown = markdownReader.read(frontMatter.body(), frontMatterChars);
        StudyDate studyDate = StudyDate.find(frontMatter.date().orElse(null), markdown.firstLevelHeadings(), notePath);
        warnings.addAll(studyDate.warnings());
        for (String tag : markdown.tags()) {
            addTag(tags, tag, warnings);
        }
        warnings.addAll(markdown.warnings());

        return new Note(
                studyDate.date().orElse(null),
                studyDate.date().isPresent(),
                isActive(markdown),
                List.copyOf(tags),
                markdown.tasks(),
                markdown.sections(),
                markdown.questions(),
                markdown.links(),
                atMostMaxWarnings(warnings));
    }

    private static void addTag(Set<String> tags, String tag, Set<String> warnings) {
        if (tags.size() < NoteLimits.MAX_TAGS || tags.contains(tag)) {
            tags.add(tag);
        } else {
            warnings.add(MarkdownReader.TOO_MANY_TAGS);
        }
    }

    private static List<String> atMostMaxWarnings(Set<String> warnings) {
        if (warnings.size() <= NoteLimits.MAX_WARNINGS) {
            return List.copyOf(warnings);
        }
        List<String> kept = new ArrayList<>(warnings).subList(0, NoteLimits.MAX_WARNINGS - 1);
        kept.add("the note has more than " + NoteLimits.MAX_WARNINGS + " warnings; only the first "
                + (NoteLimits.MAX_WARNINGS - 1) + " are listed");
        return List.copyOf(kept);
    }

    /** A checked task, or anything under studied, insights or questions; an empty template is not. */
    private static boolean isActive(MarkdownContent markdown) {
        SectionCounts sections = markdown.sections();
        return markdown.tasks().stream().anyMatch(task -> task.status() == TaskStatus.DONE)
                || sections.studied() + sections.insights() + sections.questions() > 0;
    }
}
