package io.coursetracker.notes.markdown;

import io.coursetracker.contracts.note.Question;
import io.coursetracker.contracts.note.Section;
import io.coursetracker.contracts.note.SectionCounts;
import io.coursetracker.contracts.note.Task;
import io.coursetracker.contracts.note.TaskStatus;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Document;
import org.commonmark.node.Heading;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.parser.Parser;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a note's Markdown body through commonmark's syntax tree, so that code blocks, code spans
 * and nesting are what CommonMark says they are. Thread-safe: the commonmark parser is built once
 * and each note gets its own {@link Walker}.
 */
public final class MarkdownReader {

    /**
     * The post-processor turns bare URLs ({@code https://…}, {@code www.…}) and e-mail addresses into
     * links, as the autolink extension would but skipping text that cannot hold one; the link
     * processor keeps long paragraphs of links and emphasis linear (see their Javadoc).
     */
    private final Parser parser = Parser.builder()
            .postProcessor(new BareLinkPostProcessor())
            .linkProcessor(new LinkWithoutEmphasisProcessor())
            .build();

    public MarkdownContent read(String markdown) {
        Walker walker = new Walker();
        parser.parse(markdown).accept(walker);
        return walker.content();
    }

    /** Visits the blocks in document order, keeping track of the section they sit under. */
    private static final class Walker extends AbstractVisitor {
        private Section section;
        private final Map<Section, Integer> counts = new EnumMap<>(Section.class);
        private final List<Task> tasks = new ArrayList<>();
        private final List<Question> questions = new ArrayList<>();
        private final Set<String> links = new LinkedHashSet<>();
        private final Set<String> tags = new LinkedHashSet<>();
        private final List<String> firstLevelHeadings = new ArrayList<>();

        MarkdownContent content() {
            SectionCounts sections = new SectionCounts(count(Section.GOALS), count(Section.STUDIED),
                    count(Section.INSIGHTS), count(Section.QUESTIONS));
            return new MarkdownContent(tasks, sections, questions, List.copyOf(links), List.copyOf(tags),
                    firstLevelHeadings);
        }

        private int count(Section counted) {
            return counts.getOrDefault(counted, 0);
        }

        @Override
        public void visit(Heading heading) {
            InlineContent content = InlineReader.read(heading);
            links.addAll(content.links());
            tags.addAll(content.tags());
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
            links.addAll(content.links());
            tags.addAll(content.tags());
        }

        @Override
        public void visit(ListItem item) {
            // A top-level item under Questions is a question, whose text is shown.
            ListEntry entry = ListEntry.of(item, section == Section.QUESTIONS && isTopLevel(item));
            links.addAll(entry.links());
            tags.addAll(entry.tags());
            if (entry.isTask()) {
                tasks.add(new Task(entry.text(), entry.status().orElseThrow(), section, entry.links(), List.of()));
            }
            if (section != null && isTopLevel(item) && entry.hasContent()) {
                counts.merge(section, 1, Integer::sum);
                if (section == Section.QUESTIONS) {
                    questions.add(question(item, entry));
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

        private static Question question(ListItem item, ListEntry entry) {
            List<String> subQuestions = new ArrayList<>();
            collectNestedItems(item, subQuestions);
            return new Question(entry.text(), entry.status().filter(TaskStatus.DONE::equals).isPresent(),
                    subQuestions);
        }

        private static void collectNestedItems(Node parent, List<String> texts) {
            for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
                if (child instanceof ListItem nested) {
                    ListEntry entry = ListEntry.of(nested, true);
                    if (entry.hasContent()) {
                        texts.add(entry.text());
                    }
                }
                collectNestedItems(child, texts);
            }
        }
    }
}
