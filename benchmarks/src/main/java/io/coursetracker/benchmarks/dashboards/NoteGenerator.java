package io.coursetracker.benchmarks.dashboards;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Daily notes shaped like a real learner's (a dated heading, tags, goals as tasks, what was studied,
 * insights, questions with sub-questions), 1 to 20 KiB, deterministic for a seed. The text is our
 * own, written for this benchmark. Some learners' vaults carry the double encoding real vaults have
 * (UTF-8 read as Windows-1252 and saved again), which the parser must read as well as clean text.
 */
final class NoteGenerator {
    private static final Charset CP1252 = Charset.forName("windows-1252");

    private static final String[] TOPICS = {
            "learning rate schedules", "data augmentation", "transfer learning", "embeddings", "gradient descent",
            "the DataBlock API", "tabular models", "random forests", "collaborative filtering", "tokenization",
            "convolutions", "batch normalization", "weight decay", "dropout", "the softmax function",
            "cross-entropy loss", "ResNets", "mixed precision training", "language model fine-tuning", "test-time augmentation"};
    private static final String[] STUDY = {
            "Went through %s again with a smaller dataset",
            "Compared two approaches to %s on the pets dataset",
            "Re-implemented %s from scratch in plain PyTorch",
            "Wrote a short summary of %s for my flashcards",
            "Watched a talk that explains %s with pictures",
            "Spent an hour debugging my notebook around %s"};
    private static final String[] INSIGHT = {
            "It finally clicked that %s is mostly bookkeeping around one simple idea, and the library hides the bookkeeping so I can look at the idea.",
            "Plotting the loss while changing %s showed me more than reading about it did; the curve flattens long before I expected it to.",
            "My first attempt at %s overfitted within two epochs. Halving the model size helped less than adding more varied images.",
            "I keep underestimating how much of the work is cleaning data. The part about %s took ten minutes, the labels took the whole evening.",
            "Reading the source of %s in the library was easier than I feared: most functions are short and the names say what they do.",
            "A good habit: write down what I expect %s to do before running the cell, then compare. Surprises are where I learn something.",
            "Explaining %s to a friend without any jargon exposed two gaps in my understanding that I had happily skipped over.",
            "The forum thread on %s had a trick I had not seen: freeze everything, train the head for one epoch, then unfreeze with smaller rates."};
    private static final String[] OTHER_TASKS = {
            "Review yesterday's flashcards", "Tidy up my project repository", "Post my results on the forum",
            "Back up the notebooks to my drive", "Plan next week's study sessions", "Update the reading list"};
    private static final String[] QUESTION = {
            "Why does %s work better with a pretrained model than from scratch?",
            "How do I choose sensible defaults for %s on a new dataset?",
            "What happens to the gradients when %s is pushed too far?",
            "Is %s still useful when the dataset is very small?",
            "How would I explain %s with nothing but spreadsheet formulas?",
            "When should I stop tuning %s and collect more data instead?"};
    private static final String[] CONTEXT = {
            "", " in the bird classifier", " for the Kaggle competition", " with tabular data", " on my laptop's GPU",
            " in the text classifier", " for the recommender I am building", " with noisy labels", " in production",
            " in the chapter's example", " with only a hundred images", " for segmentation", " in the questionnaire",
            " when training for longer", " with a different architecture"};
    private static final String[] SUB_QUESTION = {
            "Does the answer change for text instead of images?", "What does the library pick by default?",
            "Is there a paper that measured this?", "Can I see it in a plot of the activations?"};

    private final Random random;
    private final boolean brokenEncoding;
    private final int lessonPaceDays;
    private final List<String> openQuestions = new ArrayList<>();

    /** {@code lessonPaceDays}: about how many days the learner spends on one lesson of the course. */
    NoteGenerator(long seed, boolean brokenEncoding, int lessonPaceDays) {
        this.random = new Random(seed);
        this.brokenEncoding = brokenEncoding;
        this.lessonPaceDays = lessonPaceDays;
    }

    /** The vault-relative path of the daily note of {@code day}. */
    static String dailyPath(LocalDate day, int index) {
        return "Daily/" + day.getYear() + "/" + day + (index == 0 ? "" : " part " + (index + 1)) + ".md";
    }

    /**
     * The note of study day number {@code dayNumber} (0 = the learner's first day); {@code active}
     * false gives an empty template, which is not activity. {@code revision} varies a word so an
     * upload of a new revision is not "unchanged".
     */
    byte[] note(LocalDate day, int dayNumber, boolean active, int revision) {
        StringBuilder md = new StringBuilder(8192);
        md.append("# ").append(day).append(", ").append(day.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH)).append("\n\n");
        int targetBytes = targetSize();
        int lesson = Math.min(8, 1 + dayNumber / lessonPaceDays);
        if (active) {
            md.append("#ml #dl #week").append(1 + dayNumber / 7).append(random.nextInt(4) == 0 ? " #revision" : "").append("\n\n");
        }
        md.append("## 🎯 Goals for Today\n\n");
        if (active) {
            goals(md, lesson, revision);
            md.append("\n## 📖 What I Studied\n\n");
            for (int i = 0, n = 1 + random.nextInt(4); i < n; i++) {
                md.append("- ").append(String.format(STUDY[random.nextInt(STUDY.length)], topic())).append('\n');
            }
            md.append("\n## 💡 Insights and Reflections\n\n");
            do {
                md.append("- ").append(String.format(INSIGHT[random.nextInt(INSIGHT.length)], topic()));
                if (random.nextInt(3) == 0) {
                    md.append(" Notebook: [[Lesson ").append(lesson).append(" notebook]] → `learn.fine_tune(")
                            .append(1 + random.nextInt(5)).append(")`.");
                }
                md.append('\n');
            } while (md.length() < targetBytes - 100);
            md.append("\n## ❓ Questions\n\n");
            questions(md);
        } else {
            // The day's template, opened and left empty: headings and the usual links, no activity.
            md.append("\n## 📖 What I Studied\n\n## 💡 Insights and Reflections\n\n## ❓ Questions\n\n## 🤩 Inspirations\n\n"
                    + "![[assets/study-plan-" + day.getYear() + ".png|400]]\n\n## 🔗 Resources\n\n");
            for (int i = 1; i <= 8; i++) {
                md.append("[Lesson ").append(i).append(" page](https://course.fast.ai/Lessons/lesson").append(i).append(".html) · ");
                md.append("[forum](https://forums.fast.ai/c/part1-2022/lesson-").append(i).append(") · [book](https://github.com/fastai/fastbook) · ");
                md.append("[my notebook](https://www.kaggle.com/code/me/lesson-").append(i).append("-practice)\n");
            }
        }
        byte[] utf8 = md.toString().getBytes(StandardCharsets.UTF_8);
        // Double encoding as real vaults have it: the UTF-8 bytes read as Windows-1252 and saved as UTF-8.
        return brokenEncoding ? new String(utf8, CP1252).getBytes(StandardCharsets.UTF_8) : utf8;
    }

    private void goals(StringBuilder md, int lesson, int revision) {
        String url = "https://course.fast.ai/Lessons/lesson" + lesson + ".html";
        switch (random.nextInt(5)) {
            case 0 -> md.append(task()).append("Watch [Lesson ").append(lesson).append("](").append(url).append(")\n");
            case 1 -> md.append(task()).append("Read the book chapter for [[Lesson ").append(lesson).append("]]\n");
            case 2 -> md.append(task()).append("Run the lesson ").append(lesson).append(" notebook on Kaggle\n");
            case 3 -> md.append(task()).append("Finish the Lesson ").append(lesson).append(" questionnaire\n");
            default -> {
                // a day spent on practice rather than on the course
            }
        }
        for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
            md.append(task()).append(OTHER_TASKS[random.nextInt(OTHER_TASKS.length)]).append('\n');
        }
        md.append("- [x] Study for ").append(30 + 15 * random.nextInt(6) + revision).append(" minutes\n");
    }

    private String task() {
        return random.nextInt(10) < 7 ? "- [x] " : "- [ ] ";
    }

    /** Questions on about half the days (1 to 3); about half carried over from recent open ones, some answered later. */
    private void questions(StringBuilder md) {
        int n = random.nextBoolean() ? 0 : 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            String text;
            boolean answered = false;
            if (!openQuestions.isEmpty() && random.nextBoolean()) {
                int pick = random.nextInt(openQuestions.size());
                text = openQuestions.get(pick);
                if (random.nextInt(3) == 0) {
                    answered = true;
                    openQuestions.remove(pick);
                }
            } else {
                text = String.format(QUESTION[random.nextInt(QUESTION.length)], topic() + CONTEXT[random.nextInt(CONTEXT.length)]);
                openQuestions.add(text);
                if (openQuestions.size() > 30) {
                    openQuestions.remove(0);
                }
            }
            md.append(answered ? "- [x] " : "- ").append(text).append('\n');
            if (random.nextInt(3) == 0) {
                md.append("  - ").append(SUB_QUESTION[random.nextInt(SUB_QUESTION.length)]).append('\n');
            }
            md.append('\n');
        }
    }

    private String topic() {
        return TOPICS[random.nextInt(TOPICS.length)];
    }

    /** 1 to 20 KiB, most notes 2 to 6 KiB: a long right tail, as journals have. */
    private int targetSize() {
        double kib = Math.exp(1.3 + 0.6 * random.nextGaussian());
        return (int) (1024 * Math.max(1.1, Math.min(19.5, kib)));
    }
}
