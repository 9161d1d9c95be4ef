package io.coursetracker.benchmarks.parser;

import io.coursetracker.contracts.catalog.BundledCatalogs;
import io.coursetracker.contracts.catalog.CatalogLesson;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A vault of daily notes shaped like the reference note of SPEC section 1 (a fast.ai learner's day):
 * a dated {@code #} heading, a line of inline tags, goals as checkboxes linking to lessons, chapters
 * and notebooks, what was studied, long insight items full of links, emphasis and code spans, an
 * occasional free-form section with an embed, and questions with sub-questions. The text is our own.
 *
 * <p>Like the seed, about half the notes are double-encoded (UTF-8 read as Windows-1254 and saved
 * again, with the bytes that code page lacks lost), so the parser's repair runs on realistic input;
 * some notes have CRLF line endings. The seed has no front matter, so neither do these notes.
 *
 * <p>Deterministic: the same seed gives the same bytes on every machine.
 */
public final class VaultGenerator {

    public static final int MIN_NOTE_BYTES = 1024;
    public static final int MAX_NOTE_BYTES = 20 * 1024;

    private static final LocalDate FIRST_DAY = LocalDate.of(2025, 8, 2);
    private static final Charset WINDOWS_1254 = Charset.forName("windows-1254");

    private static final String[] TOPICS = {
        "gradient descent", "the learning rate finder", "data augmentation", "transfer learning",
        "the `DataBlock` API", "cross-entropy loss", "stochastic gradient descent", "embeddings",
        "collaborative filtering", "random forests", "tokenization", "the softmax function",
        "batch normalization", "weight decay", "the validation set", "ReLU activations",
        "`fine_tune` versus `fit_one_cycle`", "mixed precision training", "the MNIST sample",
        "the bear classifier", "tabular data", "decision trees", "the `Learner` class",
        "matrix multiplication", "broadcasting in PyTorch", "the chain rule", "overfitting",
    };

    private static final String[] OBSERVATIONS = {
        "it finally clicked that %s is just a few lines of arithmetic repeated many times",
        "%s matters much more than I expected — the defaults are surprisingly good",
        "Jeremy’s advice on %s: try it first, read the theory later",
        "I underestimated %s; the first attempt gave an error rate of 12 %%, the second 4 %%",
        "%s looks scary in the paper but the code is short and readable",
        "after a second look at %s I can explain it to a friend without notes",
        "the book’s chapter on %s complements the video nicely — worth reading twice",
        "%s behaves differently on small images (around 224px) than on big ones",
    };

    private static final String[] ASIDES = {
        "see [[PyTorch]] for the details",
        "there is a good thread on the [forums](https://forums.fast.ai/t/lesson-discussion/96001)",
        "the docs are at <https://docs.fast.ai>",
        "→ `learn.lr_find()` suggested 3e-3",
        "**don’t** normalise the labels",
        "_remember:_ the validation set must look like production data",
        "Radek’s blog has a worked example: https://radekosmulski.com",
        "compare with [[Notes/Linear algebra refresher|my refresher]]",
        "François Chollet says the same in his book 📘",
        "a Kaggle notebook reproduced it in ten minutes 🤯",
        "Jürgen’s 1990s papers already had the idea",
        "this is why the loss curve looked “wobbly” yesterday",
        "résumé-style summary: *less code, more experiments*",
        "the Japanese term is 深層学習 — same idea",
    };

    private static final String[] QUESTION_STEMS = {
        "Why does %s work better than the classic approach?",
        "How would I explain %s *in terms of numbers*?",
        "What happens under the hood when %s runs on a GPU?",
        "When should I prefer %s over something simpler?",
        "Is %s the reason my model overfits after epoch 3?",
        "How does fastai decide the defaults for %s?",
    };

    private static final String[] SUB_QUESTIONS = {
        "What are the shapes of the tensors at each step?",
        "Does it change if the dataset is tiny?",
        "Where is this in the book — chapter 4 or 5?",
        "Could I plot it to check my intuition?",
        "What does the “loss” mean here exactly?",
    };

    private static final String[] SECTION_EMOJI_GOALS = {"🎯", "✅"};
    private static final String[] SECTION_EMOJI_STUDIED = {"📖", "📚"};
    private static final String[] SECTION_EMOJI_INSIGHTS = {"💡", "🧠"};
    private static final String[] SECTION_EMOJI_QUESTIONS = {"❓", "🤔"};

    private final Random random;
    private final List<CatalogLesson> lessons = BundledCatalogs.fastaiPart1().lessons();

    private VaultGenerator(long seed) {
        this.random = new Random(seed);
    }

    /** {@code count} notes, {@code Daily/<date>.md}, one day apart, 1–20 KiB each. */
    public static List<GeneratedNote> generate(long seed, int count) {
        VaultGenerator generator = new VaultGenerator(seed);
        List<GeneratedNote> notes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            notes.add(generator.note(FIRST_DAY.plusDays(i)));
        }
        return notes;
    }

    private GeneratedNote note(LocalDate day) {
        int targetBytes = MIN_NOTE_BYTES + random.nextInt(MAX_NOTE_BYTES - MIN_NOTE_BYTES + 1);
        NoteBuilder note = new NoteBuilder(random.nextBoolean(), random.nextInt(7) == 0);

        note.header("# " + day + ", " + day.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH)
                + "\n\n" + tagLine(day) + "\n");
        // Every note has the seed's skeleton: goals linking to lessons, then one item of each section.
        int goals = 2 + random.nextInt(5);
        for (int i = 0; i < goals; i++) {
            note.tryAdd(note.goals, goal(), MAX_NOTE_BYTES);
        }
        note.tryAdd(note.studied, studiedItem(), MAX_NOTE_BYTES);
        note.tryAdd(note.insights, insight(), MAX_NOTE_BYTES);
        note.tryAdd(note.questions, question(), MAX_NOTE_BYTES);

        // Then grows towards its size the way a long study day does, mostly insights and questions.
        int misses = 0;
        while (note.bytes() < targetBytes && misses < 8) {
            int pick = random.nextInt(100);
            boolean added;
            if (pick < 40) {
                added = note.tryAdd(note.insights, insight(), targetBytes);
            } else if (pick < 70) {
                added = note.tryAdd(note.questions, question(), targetBytes);
            } else if (pick < 85) {
                added = note.tryAdd(note.studied, studiedItem(), targetBytes);
            } else {
                added = note.tryAdd(note.extra, extraBlock(), targetBytes);
            }
            if (!added) {
                misses++;
            }
        }
        while (note.bytes() < MIN_NOTE_BYTES) {
            note.tryAdd(note.studied, "- Reviewed yesterday’s notes\n", MAX_NOTE_BYTES);
        }
        return new GeneratedNote("Daily/" + day + ".md", note.content());
    }

    private String tagLine(LocalDate day) {
        int week = 1 + (int) (day.toEpochDay() - FIRST_DAY.toEpochDay()) / 7;
        StringBuilder tags = new StringBuilder("#fastai #week" + week);
        if (random.nextBoolean()) {
            tags.append(" #ML");
        }
        if (random.nextBoolean()) {
            tags.append(" #DL #deep-learning/vision");
        }
        return tags.toString();
    }

    private String goal() {
        CatalogLesson lesson = lessons.get(random.nextInt(lessons.size()));
        int n = lesson.number();
        String text;
        switch (random.nextInt(6)) {
            case 0:
                text = "Watch [Lesson " + n + ": " + lesson.title() + "](" + lesson.url() + ")";
                break;
            case 1:
                if (lesson.chapters().isEmpty()) {
                    text = "Read the book alongside [lesson " + n + "](" + lesson.url() + ")";
                } else {
                    CatalogLesson.Chapter chapter = lesson.chapters().get(random.nextInt(lesson.chapters().size()));
                    text = "Read [chapter " + chapter.number() + "](" + chapter.urls().get(0) + ") of the book";
                }
                break;
            case 2:
                String notebook = lesson.notebooks().isEmpty() ? lesson.url() : lesson.notebooks().get(0);
                text = "Run the [lesson " + n + " notebook](" + notebook + ") on Kaggle";
                break;
            case 3:
                text = "Finish the [[Lesson " + n + "]] questionnaire";
                break;
            case 4:
                text = "Complete [[Lesson " + n + "|lesson " + n + "]] — video, book and code";
                break;
            default:
                text = "Re-run `learn.fine_tune(" + (1 + random.nextInt(5)) + ")` from lesson" + n
                        + " with a bigger batch size";
                break;
        }
        return "- [" + checkbox() + "] " + text + "\n";
    }

    private char checkbox() {
        int roll = random.nextInt(100);
        if (roll < 60) {
            return 'x';
        }
        if (roll < 85) {
            return ' ';
        }
        if (roll < 93) {
            return '/';
        }
        return roll < 97 ? '-' : '>';
    }

    private String studiedItem() {
        String first = topic();
        String second = topic();
        return random.nextBoolean()
                ? "- Where " + first + " fits in the training loop\n"
                : "- The difference between " + first + " and " + second + "\n";
    }

    /** One long bullet of two to five clauses, as learners write them. */
    private String insight() {
        StringBuilder item = new StringBuilder("- ");
        String observation = String.format(OBSERVATIONS[random.nextInt(OBSERVATIONS.length)], topic());
        item.append(Character.toUpperCase(observation.charAt(0))).append(observation.substring(1));
        int clauses = 1 + random.nextInt(4);
        for (int i = 0; i < clauses; i++) {
            item.append(random.nextBoolean() ? "; " : ". Also, ");
            item.append(ASIDES[random.nextInt(ASIDES.length)]);
        }
        if (random.nextInt(4) == 0) {
            item.append(" #til");
        }
        return item.append(".\n").toString();
    }

    /** A top-level question, sometimes answered, with up to three sub-questions; loose list like the seed. */
    private String question() {
        StringBuilder item = new StringBuilder(random.nextInt(8) == 0 ? "- [x] " : "- ");
        item.append(String.format(QUESTION_STEMS[random.nextInt(QUESTION_STEMS.length)], topic())).append('\n');
        int subQuestions = random.nextInt(4);
        for (int i = 0; i < subQuestions; i++) {
            item.append("  - ").append(SUB_QUESTIONS[random.nextInt(SUB_QUESTIONS.length)]).append('\n');
        }
        return item.append('\n').toString();
    }

    /** Free-form text under a heading that is no section: an embed, emphasis, a link to a PDF, some code. */
    private String extraBlock() {
        switch (random.nextInt(3)) {
            case 0:
                return "![[assets/Screenshot " + FIRST_DAY.plusDays(random.nextInt(60)) + " at 1"
                        + random.nextInt(10) + ".0" + random.nextInt(10) + ".12.png|500]]\n\n"
                        + "A short story from the forums: someone learned to code at 35, took the course twice"
                        + " and now trains models for a living — proof that **it is never too late**. \n\n"
                        + "**_Notes to self:_** keep the [summary (PDF)](assets/Lesson%20"
                        + (1 + random.nextInt(8)) + "%20summary%20notes.pdf) next to the book.\n\n";
            case 1:
                return "```python\nfrom fastai.vision.all import *\n"
                        + "dls = ImageDataLoaders.from_name_func(path, files, label_func, item_tfms=Resize(224))\n"
                        + "learn = vision_learner(dls, resnet34, metrics=error_rate)\n"
                        + "learn.fine_tune(" + (1 + random.nextInt(5)) + ")  # - [ ] not a task, it is code\n```\n\n";
            default:
                return "> Quote of the day: “The best way to learn " + topic()
                        + " is to build something with it.” #quote\n\n";
        }
    }

    private String topic() {
        return TOPICS[random.nextInt(TOPICS.length)];
    }

    private String pick(String[] choices) {
        return choices[random.nextInt(choices.length)];
    }

    /** Collects a note's parts, keeping count of their final bytes so the note stays within its size. */
    private final class NoteBuilder {
        private final boolean doubleEncoded;
        private final boolean crlf;
        private final StringBuilder header = new StringBuilder();
        final Part goals = new Part("\n## " + pick(SECTION_EMOJI_GOALS) + " Goals for Today\n\n");
        final Part studied = new Part("\n## " + pick(SECTION_EMOJI_STUDIED) + " What I Studied\n\n");
        final Part insights = new Part("\n## " + pick(SECTION_EMOJI_INSIGHTS) + " Insights and Reflections\n\n");
        final Part extra = new Part("\n## " + (random.nextBoolean() ? "🤩 Inspirations" : "🔗 Resources") + "\n\n");
        final Part questions = new Part("\n## " + pick(SECTION_EMOJI_QUESTIONS) + " Questions\n\n");
        /** Encoding is per byte, so the bytes of the whole note are the sum of its parts'. */
        private int bytes;

        NoteBuilder(boolean doubleEncoded, boolean crlf) {
            this.doubleEncoded = doubleEncoded;
            this.crlf = crlf;
        }

        void header(String text) {
            header.append(text);
            bytes += encodedLength(text);
        }

        int bytes() {
            return bytes;
        }

        /** Adds the item unless the note would grow past {@code limit} bytes. */
        boolean tryAdd(Part part, String item, int limit) {
            int growth = encodedLength(item) + (part.items.isEmpty() ? encodedLength(part.heading) : 0);
            if (bytes + growth > limit) {
                return false;
            }
            part.items.add(item);
            bytes += growth;
            return true;
        }

        byte[] content() {
            StringBuilder text = new StringBuilder(header);
            for (Part part : List.of(goals, studied, insights, extra, questions)) {
                if (!part.items.isEmpty()) {
                    text.append(part.heading);
                    part.items.forEach(text::append);
                }
            }
            return encode(text.toString());
        }

        private int encodedLength(String text) {
            return encode(text).length;
        }

        private byte[] encode(String text) {
            String withLineEndings = crlf ? text.replace("\n", "\r\n") : text;
            byte[] utf8 = withLineEndings.getBytes(StandardCharsets.UTF_8);
            return doubleEncoded ? doubleEncode(utf8) : utf8;
        }
    }

    /** A section of the note: its heading, written only once it has an item. */
    private static final class Part {
        final String heading;
        final List<String> items = new ArrayList<>();

        Part(String heading) {
            this.heading = heading;
        }
    }

    /**
     * What an editor does when it reads UTF-8 as Windows-1254 and saves UTF-8: every byte of a
     * multi-byte sequence becomes a character of its own, and bytes the code page lacks are lost.
     */
    static byte[] doubleEncode(byte[] utf8) {
        CharsetDecoder asCodePage = WINDOWS_1254.newDecoder()
                .onMalformedInput(CodingErrorAction.IGNORE)
                .onUnmappableCharacter(CodingErrorAction.IGNORE);
        try {
            return asCodePage.decode(ByteBuffer.wrap(utf8)).toString().getBytes(StandardCharsets.UTF_8);
        } catch (CharacterCodingException cannotHappen) {
            throw new IllegalStateException(cannotHappen);
        }
    }
}
