package io.coursetracker.contracts.catalog;

import io.coursetracker.contracts.note.Activity;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words that name an activity, and the words that mean "all of it" ({@code finish},
 * {@code complete}), with every inflection the resolver accepts (docs/lesson-rules.md).
 *
 * <p>The table is written out by hand on purpose: the vocabulary is small and closed, English
 * inflection is irregular ({@code quiz → quizzes}, {@code code → coded}), and a stemmer
 * (Porter, Snowball) would both over-match ({@code reader}, {@code codes} of other things) and
 * pull a dependency into {@code contracts}, which has none but Jackson. Listing the forms keeps
 * every accepted word visible and testable.
 *
 * <p>A word is a run of ASCII letters; anything else separates words. So {@code re-read} is
 * {@code re} + {@code read}, {@code already} is not {@code read}, {@code notebook} is not
 * {@code book}, and the broken bytes of a mis-encoded note ({@code â€”}) never glue onto a word.
 */
public final class ActivityWords {

    /** Activity → every word form that names it. */
    public static final Map<Activity, Set<String>> WORDS = table(Map.of(
            Activity.WATCH, List.of(
                    "watch", "watches", "watched", "watching",
                    "rewatch", "rewatches", "rewatched", "rewatching",
                    "video", "videos",
                    "lecture", "lectures"),
            Activity.READ, List.of(
                    "read", "reads", "reading", "readings",
                    "reread", "rereads", "rereading",
                    "chapter", "chapters",
                    "book", "books", "fastbook"),
            Activity.NOTEBOOK, List.of(
                    "notebook", "notebooks",
                    "kaggle", "colab", "jupyter",
                    "code", "codes", "coded", "coding"),
            Activity.QUESTIONNAIRE, List.of(
                    "questionnaire", "questionnaires",
                    "quiz", "quizzes", "quizzed", "quizzing")));

    /** Words that, with no activity word beside them, mean every activity of the lesson. */
    public static final Set<String> FINISH_WORDS = Collections.unmodifiableSet(new LinkedHashSet<>(List.of(
            "finish", "finishes", "finished", "finishing",
            "complete", "completes", "completed", "completing")));

    private static final Pattern WORD = Pattern.compile("[A-Za-z]+");

    private ActivityWords() {
    }

    /** The activities the text's words name, in {@link Activity} order. */
    public static Set<Activity> activitiesIn(String text) {
        Set<Activity> found = EnumSet.noneOf(Activity.class);
        for (String word : words(text)) {
            WORDS.forEach((activity, forms) -> {
                if (forms.contains(word)) {
                    found.add(activity);
                }
            });
        }
        return found;
    }

    /** Whether the text says the lesson is finished or complete. */
    public static boolean saysFinished(String text) {
        return words(text).stream().anyMatch(FINISH_WORDS::contains);
    }

    private static List<String> words(String text) {
        Matcher m = WORD.matcher(text);
        List<String> words = new java.util.ArrayList<>();
        while (m.find()) {
            words.add(m.group().toLowerCase(Locale.ROOT));
        }
        return words;
    }

    private static Map<Activity, Set<String>> table(Map<Activity, List<String>> forms) {
        Map<Activity, Set<String>> table = new EnumMap<>(Activity.class);
        forms.forEach((activity, words) ->
                table.put(activity, Collections.unmodifiableSet(new LinkedHashSet<>(words))));
        return Collections.unmodifiableMap(table);
    }
}
