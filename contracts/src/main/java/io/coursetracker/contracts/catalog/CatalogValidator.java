package io.coursetracker.contracts.catalog;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks that a catalog is complete and consistent before anyone resolves lessons against it.
 * Every problem is one sentence naming the lesson, chapter or alias at fault, so that
 * {@code PUT /v1/courses/{id}} can answer a 400 the admin can act on.
 *
 * <p>Rules: the id is a URL-safe slug ({@code a-z 0-9 . _ -}, starting with a letter or digit) and the
 * title is not blank; there is at least one lesson; lesson numbers are 1 or more and unique; every
 * lesson has a title and an absolute http(s) page URL that no other lesson uses; chapter numbers are 1
 * or more, chapters have titles and http(s) URLs, and a chapter that two lessons share has the same
 * title and URLs in both; notebook URLs are absolute http(s); aliases are not blank, and no alias
 * (compared ignoring case and runs of spaces) names two lessons. Gaps in lesson numbers are allowed,
 * and so are a chapter or a notebook shared by two lessons.
 */
public final class CatalogValidator {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]*");

    private CatalogValidator() {
    }

    /** Every problem with the catalog, in the order found; empty when it is valid. */
    public static List<String> problems(CourseCatalog catalog) {
        List<String> problems = new ArrayList<>();
        if (catalog == null) {
            return List.of("the catalog is missing");
        }
        if (isBlank(catalog.id())) {
            problems.add("course id is blank");
        } else if (!ID.matcher(catalog.id()).matches()) {
            problems.add("course id '" + catalog.id() + "' must be lower-case letters, digits, '.', '_' or '-'");
        }
        if (isBlank(catalog.title())) {
            problems.add("course title is blank");
        }
        if (catalog.lessons().isEmpty()) {
            problems.add("course has no lessons");
        }

        Set<Integer> numbers = new HashSet<>();
        Map<String, Integer> pageOwners = new HashMap<>();
        Map<String, Integer> aliasOwners = new HashMap<>();
        Map<Integer, CatalogLesson.Chapter> chapters = new HashMap<>();
        for (int i = 0; i < catalog.lessons().size(); i++) {
            CatalogLesson lesson = catalog.lessons().get(i);
            if (lesson == null) {
                problems.add("lesson at position " + (i + 1) + " is missing");
                continue;
            }
            String name = "lesson " + lesson.number();
            if (lesson.number() < 1) {
                problems.add(name + " (position " + (i + 1) + "): lesson numbers start at 1");
            }
            if (!numbers.add(lesson.number())) {
                problems.add(name + ": duplicate lesson number");
            }
            if (isBlank(lesson.title())) {
                problems.add(name + ": title is blank");
            }
            checkUrl(problems, name + ": page url", lesson.url());
            if (!isBlank(lesson.url())) {
                Integer owner = pageOwners.putIfAbsent(LessonUrls.normalize(lesson.url()), lesson.number());
                if (owner != null && owner != lesson.number()) {
                    problems.add(name + ": page url " + lesson.url() + " is also lesson " + owner + "'s page");
                }
            }
            for (CatalogLesson.Chapter chapter : lesson.chapters()) {
                String chapterName = name + ", chapter " + chapter.number();
                if (chapter.number() < 1) {
                    problems.add(chapterName + ": chapter numbers start at 1");
                }
                if (isBlank(chapter.title())) {
                    problems.add(chapterName + ": title is blank");
                }
                chapter.urls().forEach(url -> checkUrl(problems, chapterName + ": url", url));
                CatalogLesson.Chapter earlier = chapters.putIfAbsent(chapter.number(), chapter);
                if (earlier != null && !earlier.equals(chapter)) {
                    problems.add(chapterName + ": differs from chapter " + chapter.number()
                            + " as another lesson lists it (a shared chapter needs the same title and urls)");
                }
            }
            lesson.notebooks().forEach(url -> checkUrl(problems, name + ": notebook url", url));
            Set<String> ownAliases = new HashSet<>();
            for (String alias : lesson.aliases()) {
                if (isBlank(alias)) {
                    problems.add(name + ": an alias is blank");
                    continue;
                }
                String key = aliasKey(alias);
                if (!ownAliases.add(key)) {
                    problems.add(name + ": alias '" + alias + "' is listed twice");
                    continue;
                }
                Integer owner = aliasOwners.putIfAbsent(key, lesson.number());
                if (owner != null && owner != lesson.number()) {
                    problems.add(name + ": alias '" + alias + "' also names lesson " + owner);
                }
            }
        }
        return List.copyOf(problems);
    }

    /** Returns the catalog when it is valid; throws naming every problem otherwise. */
    public static CourseCatalog validate(CourseCatalog catalog) {
        List<String> problems = problems(catalog);
        if (!problems.isEmpty()) {
            throw new InvalidCatalogException(problems);
        }
        return catalog;
    }

    /** Aliases are compared the way the resolver matches them: ignoring case and the width of spaces. */
    static String aliasKey(String alias) {
        return alias.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static void checkUrl(List<String> problems, String what, String url) {
        if (isBlank(url)) {
            problems.add(what + " is blank");
            return;
        }
        try {
            URI uri = new URI(url.strip());
            String scheme = Objects.requireNonNullElse(uri.getScheme(), "").toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || isBlank(uri.getHost())) {
                problems.add(what + " '" + url + "' is not an absolute http(s) url");
            }
        } catch (URISyntaxException e) {
            problems.add(what + " '" + url + "' is not a url: " + e.getReason());
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
