package io.coursetracker.benchmarks.ingest;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Generates a learner's daily notes in the shape real vaults have (the reference seed's shape: a
 * dated heading, tags, goals as tasks that mention fast.ai lessons, what was studied, insights,
 * questions with sub-questions), with our own words. Sizes spread from 1 to 20 KiB; about one note
 * in five is saved with broken encoding (UTF-8 read as Windows-1252 and saved again), as the seed
 * was. Every note has a checked task, so every day is active and 1,000 days make one streak of
 * 1,000: a read that proves every note was applied.
 */
final class DailyNotes {
    static final int MIN_BYTES = 1024;
    static final int MAX_BYTES = 20 * 1024;
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private static final List<String> TOPICS = List.of("learning rate", "the loss surface", "data augmentation", "batch norm",
            "embeddings", "tokenization", "random forests", "gradient boosting", "transfer learning", "overfitting", "the validation set",
            "collaborative filtering", "the softmax", "cross-entropy", "weight decay", "convolutions", "the DataBlock API",
            "mixed precision", "label smoothing", "the one-cycle policy", "test-time augmentation", "ULMFiT", "the AWD-LSTM",
            "dropout", "activations", "matrix multiplication", "broadcasting", "SGD with momentum", "Adam", "the learner callbacks");
    private static final List<String> VERBS = List.of("clicked for me", "finally makes sense", "is subtler than it looks",
            "surprised me", "needs a second pass", "connects to last week's notebook", "is easier to see in a plot",
            "behaves differently on small datasets", "is what the fastai defaults hide", "explains the jump in accuracy");
    private static final List<String> DETAILS = List.of("when I halved the batch size", "on the pets dataset",
            "after re-running the notebook from scratch", "with a frozen body", "once the images were resized to 224px",
            "when plotting the losses with `learn.recorder.plot_loss()`", "in the questionnaire's third question",
            "after reading the forum thread", "comparing Kaggle and Colab runs", "when unfreezing too early");
    private static final List<String> QUESTIONS = List.of("Why does %s matter this much for %s?",
            "How would %s change if I used %s instead?", "What is %s actually computing under %s?",
            "When should I reach for %s before %s?", "Is %s the reason %s plateaus?");

    private final Random random;

    DailyNotes(long seed) {
        this.random = new Random(seed);
    }

    /** The vault-relative path of day {@code day}. */
    static String path(LocalDate date) {
        return "Daily/" + date + ".md";
    }

    /** The note of {@code date}, day {@code dayIndex} of the learner's study (lessons follow the course: a week each). */
    byte[] note(LocalDate date, int dayIndex) {
        int targetBytes = MIN_BYTES + (int) ((MAX_BYTES - MIN_BYTES) * Math.pow(random.nextDouble(), 2.2));
        int lesson = 1 + (dayIndex / 7) % 8;
        boolean broken = random.nextInt(5) == 0;
        StringBuilder md = new StringBuilder(targetBytes + 512);
        md.append("# ").append(date).append(", ").append(date.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH)).append("\n\n");
        md.append("#fastai #week").append(dayIndex / 7 + 1).append(random.nextBoolean() ? " #DL" : " #ml").append("\n\n");
        md.append("## 🎯 Goals for Today\n\n");
        String url = "https://course.fast.ai/Lessons/lesson" + lesson + ".html";
        // A lesson's week: watch, then read, then the notebook, then the questionnaire; every task the day names is done.
        switch (dayIndex % 7) {
            case 0 -> md.append("- [x] Watch [Lesson ").append(lesson).append("](").append(url).append(")\n");
            case 1 -> md.append("- [x] Read the book chapter for Lesson ").append(lesson).append("\n");
            case 2 -> md.append("- [x] Run the Lesson ").append(lesson).append(" notebook on Kaggle\n");
            case 3 -> md.append("- [x] Finish the Lesson ").append(lesson).append(" questionnaire\n");
            default -> md.append("- [x] Review my notes on ").append(pick(TOPICS)).append("\n");
        }
        md.append("- [").append(random.nextBoolean() ? "x" : " ").append("] Re-implement ").append(pick(TOPICS)).append(" from scratch\n");
        md.append("- [ ] Post a question on the forums about ").append(pick(TOPICS)).append("\n\n");
        md.append("## 📖 What I Studied\n\n");
        for (int i = 0; i < 2 + random.nextInt(3); i++) {
            md.append("- ").append(capitalize(pick(TOPICS))).append(" and how it relates to ").append(pick(TOPICS)).append("\n");
        }
        md.append("\n## 💡 Insights and Reflections\n\n");
        StringBuilder questions = questions(lesson);
        int insights = 0;
        while (md.length() + questions.length() < targetBytes || insights < 2) {
            md.append("- ").append(insight()).append("\n");
            insights++;
        }
        md.append('\n').append(questions);
        String text = md.toString();
        if (broken) {
            // As the seed was saved: UTF-8 bytes read as Windows-1252, then written out as UTF-8 again.
            text = new String(text.getBytes(StandardCharsets.UTF_8), WINDOWS_1252);
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The same day's note after the learner came back to it: one more follow-up question at the end. */
    static byte[] edited(byte[] note, int edit) {
        return (new String(note, StandardCharsets.UTF_8) + "- Follow-up " + edit + ": does this still hold after the next lesson?\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private StringBuilder questions(int lesson) {
        StringBuilder md = new StringBuilder("## ❓ Questions\n\n");
        for (int i = 0; i < 1 + random.nextInt(4); i++) {
            md.append("- ").append(String.format(pick(QUESTIONS), pick(TOPICS), pick(TOPICS))).append("\n");
            if (random.nextInt(3) == 0) {
                md.append("  - Does the lesson ").append(lesson).append(" notebook show it?\n");
            }
            md.append('\n');
        }
        return md;
    }

    private String insight() {
        String line = capitalize(pick(TOPICS)) + " " + pick(VERBS) + " " + pick(DETAILS) + ".";
        return switch (random.nextInt(6)) {
            case 0 -> line + " See [[" + capitalize(pick(TOPICS)) + "]].";
            case 1 -> line + " → [docs](https://docs.fast.ai/" + random.nextInt(40) + ")";
            case 2 -> line + " Tried `learn.fine_tune(" + (1 + random.nextInt(5)) + ")` — the error rate dropped.";
            default -> line;
        };
    }

    private String pick(List<String> words) {
        return words.get(random.nextInt(words.size()));
    }

    private static String capitalize(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
