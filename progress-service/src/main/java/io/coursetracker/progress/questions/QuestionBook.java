package io.coursetracker.progress.questions;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A learner's questions across their notes (SPEC section 7, the questions call). A question repeated
 * in several notes is one question:
 * <ul>
 *   <li>Two texts are the same question when their {@link #normalize normalized} forms are equal:
 *   trimmed, every run of whitespace (Unicode, so also no-break spaces) one space, lower case, and
 *   trailing question marks (also full-width) dropped ({@code Why SGD?} and {@code why sgd} are one question, since a
 *   learner who repeats a question rarely repeats its punctuation exactly).</li>
 *   <li>Its first note is the earliest: by date, undated notes after all dated ones, then by note
 *   path. Its text, date and notePath are those of its first occurrence in that note.</li>
 *   <li>It is answered if any note answers it.</li>
 *   <li>Its sub-questions are the union over its notes, in the same order (first note first, then
 *   each note's own order), without repeats under the same normalization; each keeps its first
 *   wording.</li>
 *   <li>The result is ordered like the first occurrences: by date (undated last), note path, and
 *   the position in the note. So the order in which notes are given never matters.</li>
 * </ul>
 */
public final class QuestionBook {
    private static final Pattern WHITESPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

    /** Where a question stands among all notes: position is its index among its note's questions. */
    private static final Comparator<Occurrence> FIRST_NOTE_FIRST = Comparator
            .comparing((Occurrence o) -> o.asked().date(), Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(o -> o.asked().notePath())
            .thenComparingInt(Occurrence::position);

    private QuestionBook() {
    }

    /** All questions, each once; see the class comment for the rules. */
    public static List<MergedQuestion> merge(Collection<AskedQuestion> asked) {
        List<Occurrence> occurrences = new ArrayList<>(asked.size());
        Map<String, Integer> positionInNote = new HashMap<>();
        for (AskedQuestion question : asked) {
            int position = positionInNote.merge(question.notePath(), 1, Integer::sum) - 1;
            occurrences.add(new Occurrence(question, position));
        }
        occurrences.sort(FIRST_NOTE_FIRST);

        Map<String, Merging> byText = new LinkedHashMap<>();
        for (Occurrence occurrence : occurrences) {
            AskedQuestion question = occurrence.asked();
            byText.computeIfAbsent(normalize(question.text()), key -> new Merging(question)).add(question);
        }
        List<MergedQuestion> merged = new ArrayList<>(byText.size());
        for (Merging merging : byText.values()) {
            merged.add(merging.result());
        }
        return merged;
    }

    /** The questions no note answers yet ({@code status=open}), in the order of {@link #merge}. */
    public static List<MergedQuestion> open(Collection<AskedQuestion> asked) {
        return merge(asked).stream().filter(question -> !question.answered()).toList();
    }

    /** The form two texts are compared in: trimmed, spaces collapsed, lower case, no trailing '?'. */
    public static String normalize(String text) {
        String collapsed = WHITESPACE.matcher(text.strip()).replaceAll(" ");
        return withoutTrailingQuestionMarks(collapsed).toLowerCase(Locale.ROOT);
    }

    /**
     * The text without its trailing run of white space, {@code ?} and {@code ？}. A backward scan, not
     * the regex {@code [\s?？]+$}: tried at each position of a long run that does not reach the end
     * ({@code "? ? ? … x"}), that regex walks the run to its end every time, which is quadratic.
     */
    static String withoutTrailingQuestionMarks(String text) {
        int end = text.length();
        while (end > 0) {
            char c = text.charAt(end - 1);
            if (c != '?' && c != '？' && !isWhiteSpace(c)) {
                break;
            }
            end--;
        }
        return text.substring(0, end);
    }

    /** {@code \s} with {@link Pattern#UNICODE_CHARACTER_CLASS}: Unicode's White_Space property. */
    private static boolean isWhiteSpace(char c) {
        return (c >= 0x09 && c <= 0x0D) || c == 0x85 || Character.isSpaceChar(c);
    }

    private record Occurrence(AskedQuestion asked, int position) {
    }

    private static final class Merging {
        private final AskedQuestion first;
        private boolean answered;
        private final List<String> subQuestions = new ArrayList<>();
        private final Set<String> seenSubQuestions = new HashSet<>();

        Merging(AskedQuestion first) {
            this.first = first;
        }

        void add(AskedQuestion question) {
            answered |= question.answered();
            for (String sub : question.subQuestions()) {
                if (seenSubQuestions.add(normalize(sub))) {
                    subQuestions.add(sub);
                }
            }
        }

        MergedQuestion result() {
            return new MergedQuestion(first.text(), first.date(), first.notePath(), answered, subQuestions);
        }
    }
}
