package io.coursetracker.contracts.catalog;

import io.coursetracker.contracts.note.Activity;
import io.coursetracker.contracts.note.LessonMention;
import io.coursetracker.contracts.note.Note;
import io.coursetracker.contracts.note.Task;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Which lessons, and which of their activities, a task mentions (SPEC section 2). This is the one
 * implementation of the rule: ingest-service fills each task's {@code lessons} with it, and
 * progress-service calls it again when a catalog or the learner's courses change, so both always agree.
 *
 * <h2>What mentions a lesson</h2>
 * For each catalog the learner follows, a task mentions a lesson when
 * <ul>
 *   <li>a link (in {@link Task#links()} or written in its text) points at the lesson's page, with or
 *       without {@code .html}, an anchor, a trailing slash, {@code www.}, http or https, in any case;</li>
 *   <li>a link points at one of its chapters or notebooks; a chapter that two lessons share
 *       mentions both;</li>
 *   <li>the text, a wikilink target ({@code [[Lessons/Lesson 1]]}) or a relative link matches one of
 *       its aliases as whole words, ignoring case and the width of spaces ({@code Lesson 1} does not
 *       match {@code Lesson 10}).</li>
 * </ul>
 *
 * <h2>Which activity</h2>
 * Activity words in the text (URLs removed) come first: each activity they name is one mention, for
 * every lesson the task mentions ({@link ActivityWords}). Without one, a chapter link means
 * {@code read} and a notebook link {@code notebook} for the lessons that link mentions, and
 * {@code finish}/{@code complete} means all four for a lesson named by its page, an alias or a
 * wikilink; otherwise the mention has a null activity. A lesson that gets an activity has no extra
 * null mention. docs/lesson-rules.md lists the choices on ambiguous words.
 *
 * <h2>What it does not do</h2>
 * It never looks at the task's status. Whether a mention completes its activity (a checked task
 * does; open, in-progress, cancelled and deferred tasks do not, and only make the lesson
 * in progress) is progress-service's rule, applied to these mentions.
 *
 * <p>Pure and deterministic: the result is sorted by course, lesson, then activity (null first) and
 * holds no duplicates. An instance precompiles its catalogs' aliases and may be shared across threads.
 */
public final class LessonMentionResolver {

    /** The order of every result. */
    public static final Comparator<LessonMention> ORDER = Comparator
            .comparing(LessonMention::course)
            .thenComparingInt(LessonMention::lesson)
            .thenComparing(LessonMention::activity, Comparator.nullsFirst(Comparator.naturalOrder()));

    private static final Set<Activity> ALL = EnumSet.allOf(Activity.class);

    private final List<IndexedLesson> lessons;

    private LessonMentionResolver(Collection<CourseCatalog> catalogs) {
        List<IndexedLesson> indexed = new ArrayList<>();
        for (CourseCatalog catalog : catalogs) {
            for (CatalogLesson lesson : catalog.lessons()) {
                indexed.add(new IndexedLesson(catalog.id(), lesson, aliasPattern(lesson),
                        lesson.url() == null ? null : LessonUrls.normalize(lesson.url()),
                        lesson.chapters().stream().flatMap(c -> c.urls().stream()).map(LessonUrls::normalize).toList(),
                        lesson.notebooks().stream().map(LessonUrls::normalize).toList()));
            }
        }
        this.lessons = List.copyOf(indexed);
    }

    /**
     * A resolver for the catalogs of the courses a learner follows. Compiling one costs dozens of alias
     * patterns, and every note edit needs one, while learners follow few distinct sets of courses: the
     * resolvers of the most recently used sets are kept, by value, so a catalog republished with any
     * change is a new key and compiles anew.
     */
    public static LessonMentionResolver forCatalogs(Collection<CourseCatalog> catalogs) {
        List<CourseCatalog> key = List.copyOf(catalogs);
        synchronized (RECENT) {
            LessonMentionResolver known = RECENT.get(key);
            if (known != null) {
                return known;
            }
        }
        // Compiled outside the lock: two threads may both compile a new set once, and either result serves.
        LessonMentionResolver compiled = new LessonMentionResolver(key);
        synchronized (RECENT) {
            RECENT.put(key, compiled);
        }
        return compiled;
    }

    private static final int RECENT_SETS = 64;

    /**
     * Least recently used first. A map in access order is all the caching this needs; the contracts
     * module has no cache library, and every service depends on it.
     */
    private static final Map<List<CourseCatalog>, LessonMentionResolver> RECENT = new LinkedHashMap<>(RECENT_SETS, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<List<CourseCatalog>, LessonMentionResolver> eldest) {
            return size() > RECENT_SETS;
        }
    };

    /** The lessons the task mentions, in the learner's followed {@code catalogs}. */
    public static List<LessonMention> resolve(Task task, Collection<CourseCatalog> catalogs) {
        return forCatalogs(catalogs).resolve(task);
    }

    /** The lessons the task mentions; its own {@code lessons} are ignored. */
    public List<LessonMention> resolve(Task task) {
        return resolve(task.text(), task.links());
    }

    /** The note with every task's {@code lessons} replaced by what this resolver finds. */
    public Note resolveAll(Note note) {
        return note.withTasks(note.tasks().stream()
                .map(task -> task.withLessons(resolve(task)))
                .collect(Collectors.toList()));
    }

    /** The lessons mentioned by a task with this text and these links. */
    public List<LessonMention> resolve(String text, List<String> links) {
        String fullText = text == null ? "" : text;
        String prose = LessonUrls.withoutUrls(fullText);

        // Normalized once here and in the index, not once per lesson and catalog URL compared.
        List<String> urls = new ArrayList<>();
        LessonUrls.findIn(fullText).forEach(url -> urls.add(LessonUrls.normalize(url)));
        List<String> linkTexts = new ArrayList<>();
        for (String link : links) {
            if (link == null || link.isBlank()) {
                continue;
            }
            urls.add(LessonUrls.normalize(link));
            if (!LessonUrls.isWebUrl(link)) {
                linkTexts.add(wikilinkTarget(link));
            }
        }

        Set<Activity> named = ActivityWords.activitiesIn(prose);
        boolean finished = ActivityWords.saysFinished(prose);

        TreeSet<LessonMention> mentions = new TreeSet<>(ORDER);
        for (IndexedLesson indexed : lessons) {
            CatalogLesson lesson = indexed.lesson();
            Set<Activity> implied = EnumSet.noneOf(Activity.class);
            boolean plain = indexed.matchesAlias(prose) || linkTexts.stream().anyMatch(indexed::matchesAlias);
            for (String url : urls) {
                if (indexed.url() != null && LessonUrls.matchesNormalized(url, indexed.url())) {
                    plain = true;
                }
                if (indexed.chapterUrls().stream().anyMatch(c -> LessonUrls.matchesNormalized(url, c))) {
                    implied.add(Activity.READ);
                }
                if (indexed.notebookUrls().stream().anyMatch(n -> LessonUrls.matchesNormalized(url, n))) {
                    implied.add(Activity.NOTEBOOK);
                }
            }
            if (!plain && implied.isEmpty()) {
                continue;
            }
            Set<Activity> activities = EnumSet.noneOf(Activity.class);
            if (!named.isEmpty()) {
                activities.addAll(named);
            } else {
                activities.addAll(implied);
                if (plain && finished) {
                    activities.addAll(ALL);
                }
            }
            if (activities.isEmpty()) {
                mentions.add(new LessonMention(indexed.course(), lesson.number(), null));
            }
            for (Activity activity : activities) {
                mentions.add(new LessonMention(indexed.course(), lesson.number(), activity));
            }
        }
        return List.copyOf(mentions);
    }

    /** {@code ![[Lessons/Lesson 1#Notes|the first one]]} → {@code Lessons/Lesson 1#Notes}; {@code %20} → space. */
    private static String wikilinkTarget(String link) {
        String s = link.strip();
        if (s.startsWith("!")) {
            s = s.substring(1);
        }
        if (s.startsWith("[[") && s.endsWith("]]")) {
            s = s.substring(2, s.length() - 2);
        }
        int pipe = s.indexOf('|');
        if (pipe >= 0) {
            s = s.substring(0, pipe);
        }
        return s.replace("%20", " ");
    }

    /**
     * One pattern for all the lesson's aliases: an alternation finds a match wherever one of the
     * aliases would (each branch is tried at each position, between the same word boundaries), in a
     * single pass over the text instead of one per alias. Null when the lesson has no alias.
     */
    private static Pattern aliasPattern(CatalogLesson lesson) {
        Set<String> seen = new HashSet<>();
        List<String> bodies = new ArrayList<>();
        for (String alias : lesson.aliases()) {
            if (alias == null || alias.isBlank() || !seen.add(CatalogValidator.aliasKey(alias))) {
                continue;
            }
            bodies.add(java.util.Arrays.stream(alias.strip().split("\\s+"))
                    .map(Pattern::quote)
                    .collect(Collectors.joining("[\\s\\u00A0]+")));
        }
        if (bodies.isEmpty()) {
            return null;
        }
        return Pattern.compile("(?<![A-Za-z0-9])(?:" + String.join("|", bodies) + ")(?![A-Za-z0-9])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** A catalog lesson with its aliases compiled and its URLs normalized, once per resolver. */
    private record IndexedLesson(String course, CatalogLesson lesson, Pattern aliases, String url, List<String> chapterUrls,
                                 List<String> notebookUrls) {
        boolean matchesAlias(String text) {
            return aliases != null && aliases.matcher(text).find();
        }
    }
}
