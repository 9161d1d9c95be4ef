package io.coursetracker.notes.markdown;

import io.coursetracker.contracts.note.Question;
import io.coursetracker.contracts.note.Section;
import io.coursetracker.contracts.note.SectionCounts;
import io.coursetracker.contracts.note.Task;
import io.coursetracker.contracts.note.TaskStatus;
import io.coursetracker.notes.NoteLimits;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Document;
import org.commonmark.node.Heading;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.parser.Parser;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a note's Markdown body through commonmark's syntax tree, so that code blocks, code spans
 * and nesting are what CommonMark says they are. Thread-safe: the commonmark parser is built once
 * and each note gets its own {@link Walker}.
 */
public final class MarkdownReader {

    /**
     * The block starts are commonmark's own with the list start made linear ({@link LinearBlockStarts}).
     * The post-processor turns bare URLs ({@code https://…}, {@code www.…}) and e-mail addresses into
     * links, as the autolink extension would but skipping text that cannot hold one; the link
     * processor keeps long paragraphs of links and emphasis linear (see their Javadoc).
     */
    private final Parser parser = LinearBlockStarts.coreFactories().stream()
            .reduce(Parser.builder().enabledBlockTypes(Set.of()), Parser.Builder::customBlockParserFactory, (a, b) -> a)
            .postProcessor(new BareLinkPostProcessor())
            .linkProcessor(new LinkWithoutEmphasisProcessor())
            .build();

    public MarkdownContent read(String markdown) {
        return read(markdown, 0);
    }

    /**
     * @param extractedElsewhere characters of the note's extracted text already kept before its body
     *                           (its front matter tags), counted against {@link NoteLimits#MAX_EXTRACTED_CHARS}
     */
    public MarkdownContent read(String markdown, int extractedElsewhere) {
        Walker walker = new Walker();
        walker.extractedChars = extractedElsewhere;
        parser.parse(markdown).accept(walker);
        return walker.content();
    }

    /** The warning for an inline tag over {@link NoteLimits#MAX_TAG_CHARS}; front matter tags get it too. */
    public static final String TAG_TOO_LONG = "a tag is longer than " + NoteLimits.MAX_TAG_CHARS
            + " characters and was ignored";
    /** The warning for more than {@link NoteLimits#MAX_TAGS} tags; front matter and inline tags count together. */
    public static final String TOO_MANY_TAGS = "the note has more than " + NoteLimits.MAX_TAGS
            + " tags; only the first " + NoteLimits.MAX_TAGS + " were read";
    private static final String LINK_TOO_LONG = "a link is longer than " + NoteLimits.MAX_LINK_CHARS
            + " characters and was ignored";

    /** Visits the blocks in document order, keeping track of the section they sit under. */
    private static final class Walker extends AbstractVisitor {
        private Section section;
        /** Top-level items per section, by {@link Section#ordinal()} (no boxed count per item). */
        private final int[] counts = new int[Section.values().length];
        private final List<Task> tasks = new ArrayList<>();
        private final List<Question> questions = new ArrayList<>();
        private final Set<String> links = new LinkedHashSet<>();
        private final Set<String> tags = new LinkedHashSet<>();
        private final List<String> firstLevelHeadings = new ArrayList<>();

        /** The warnings of the limits reached, each once. */
        private final Set<String> limitWarnings = new LinkedHashSet<>();
        private int subQuestions;
        /** Characters of extracted text kept so far, against {@link NoteLimits#MAX_EXTRACTED_CHARS}. */
        private int extractedChars;

        MarkdownContent content() {
            SectionCounts sections = new SectionCounts(count(Section.GOALS), count(Section.STUDIED),
                    count(Section.INSIGHTS), count(Section.QUESTIONS));
            return new MarkdownContent(tasks, sections, questions, List.copyOf(links), List.copyOf(tags),
                    firstLevelHeadings, List.copyOf(limitWarnings));
        }

        private void addLinks(List<String> found) {
            // Indexed: an iterator per block, even over an empty list, was a measurable part of the walk.
            for (int i = 0; i < found.size(); i++) {
                String link = found.get(i);
                if (link.length() > NoteLimits.MAX_LINK_CHARS) {
                    limitWarnings.add(LINK_TOO_LONG);
                } else if (!links.contains(link)) {
                    if (links.size() >= NoteLimits.MAX_LINKS) {
                        limitWarnings.add("the note has more than " + NoteLimits.MAX_LINKS + " links; only the first "
                                + NoteLimits.MAX_LINKS + " were read");
                    } else if (spend(link.length())) {
                        links.add(link);
                    }
                }
            }
        }

        private void addTags(List<String> found) {
            for (int i = 0; i < found.size(); i++) {
                String tag = found.get(i);
                if (tag.length() > NoteLimits.MAX_TAG_CHARS) {
                    limitWarnings.add(TAG_TOO_LONG);
                } else if (!tags.contains(tag)) {
                    if (tags.size() >= NoteLimits.MAX_TAGS) {
                        limitWarnings.add(TOO_MANY_TAGS);
                    } else if (spend(tag.length())) {
                        tags.add(tag);
                    }
                }
            }
        }

        private void addTask(ListEntry entry) {
            if (tasks.size() >= NoteLimits.MAX_TASKS) {
                limitWarnings.add("the note has more than " + NoteLimits.MAX_TASKS + " tasks; only the first "
                        + NoteLimits.MAX_TASKS + " were read");
                return;
            }
            String text = itemText(entry.text());
            List<String> taskLinks = new ArrayList<>();
            int chars = text.length();
            for (String link : entry.links()) {
                if (link.length() > NoteLimits.MAX_LINK_CHARS) {
                    limitWarnings.add(LINK_TOO_LONG);
                } else if (taskLinks.size() >= NoteLimits.MAX_TASK_LINKS) {
                    limitWarnings.add("a task has more than " + NoteLimits.MAX_TASK_LINKS + " links; only the first "
                            + NoteLimits.MAX_TASK_LINKS + " were kept on it");
                    break;
                } else {
                    taskLinks.add(link);
                    chars += link.length();
                }
            }
            if (spend(chars)) {
                tasks.add(new Task(text, entry.status().orElseThrow(), section, taskLinks, List.of()));
            }
        }

        /** The text of a task, question or sub-question, cut at {@link NoteLimits#MAX_ITEM_CHARS}. */
        private String itemText(String text) {
            if (text.length() > NoteLimits.MAX_ITEM_CHARS) {
                limitWarnings.add("an item's text is longer than " + NoteLimits.MAX_ITEM_CHARS
                        + " characters; only the first " + NoteLimits.MAX_ITEM_CHARS + " were kept");
                return NoteLimits.cut(text, NoteLimits.MAX_ITEM_CHARS);
            }
            return text;
        }

        /** Counts {@code chars} more extracted characters, or says (once) that the note has too many. */
        private boolean spend(int chars) {
            if (extractedChars + chars > NoteLimits.MAX_EXTRACTED_CHARS) {
                limitWarnings.add("the note's extracted text (tasks, questions, links, tags) is longer than "
                        + NoteLimits.MAX_EXTRACTED_CHARS + " characters; what came after was not read");
                return false;
            }
            extractedChars += chars;
            return true;
        }

        private int count(Section counted) {
            return counts[counted.ordinal()];
        }

        @Override
        public void visit(Heading heading) {
            InlineContent content = InlineReader.read(heading);
            addLinks(content.links());
            addTags(content.tags());
            if (heading.getLevel() == 1) {
                firstLevelHeadings.add(content.text());
            }
            if (heading.getLevel() <= 2) {
                // An unknown heading at this level ends the section before it.
                section = SectionHeadings.recognise(content.text()).orElse(null);
            }
        }

        @Override
        public void visit(Paragraph paragraph) {
            InlineContent content = InlineReader.readLinksAndTags(paragraph);
            addLinks(content.links());
            addTags(content.tags());
        }

        @Override
        public void visit(ListItem item) {
            // A top-level item under Questions is a question, whose text is shown.
            ListEntry entry = ListEntry.of(item, section == Section.QUESTIONS && isTopLevel(item),
                    tasks.size() < NoteLimits.MAX_TASKS);
            addLinks(entry.links());
            addTags(entry.tags());
            if (entry.isTask()) {
                addTask(entry);
            }
            if (section != null && isTopLevel(item) && entry.hasContent()) {
                counts[section.ordinal()]++;
                if (section == Section.QUESTIONS) {
                    addQuestion(item, entry);
                }
            }
            // The first paragraph has been read as the entry; nested lists and paragraphs have not.
            for (Node child = item.getFirstChild(); child != null; child = child.getNext()) {
                if (child != entry.paragraph()) {
                    child.accept(this);
                }
            }
        }

        private static boolean isTopLevel(ListItem item) {
            return item.getParent() instanceof ListBlock list && list.getParent() instanceof Document;
        }

        private void addQuestion(ListItem item, ListEntry entry) {
            if (questions.size() >= NoteLimits.MAX_QUESTIONS) {
                limitWarnings.add("the note has more than " + NoteLimits.MAX_QUESTIONS + " questions; only the first "
                        + NoteLimits.MAX_QUESTIONS + " were read");
                return;
            }
            String text = itemText(entry.text());
            if (!spend(text.length())) {
                return;
            }
            List<String> texts = new ArrayList<>();
            collectNestedItems(item, texts);
            questions.add(new Question(text, entry.status().filter(TaskStatus.DONE::equals).isPresent(), texts));
        }

        private void collectNestedItems(Node parent, List<String> texts) {
            for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
                if (child instanceof ListItem nested) {
                    ListEntry entry = ListEntry.of(nested, true);
                    if (entry.hasContent()) {
                        if (subQuestions >= NoteLimits.MAX_SUB_QUESTIONS) {
                            limitWarnings.add("the note has more than " + NoteLimits.MAX_SUB_QUESTIONS
                                    + " sub-questions; only the first " + NoteLimits.MAX_SUB_QUESTIONS + " were read");
                            return;
                        }
                        String text = itemText(entry.text());
                        if (!spend(text.length())) {
                            return;
                        }
                        subQuestions++;
                        texts.add(text);
                    }
                }
                collectNestedItems(child, texts);
            }
        }
    }
}
