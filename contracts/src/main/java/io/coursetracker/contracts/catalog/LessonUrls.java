package io.coursetracker.contracts.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the resolver compares a learner's link with a catalog URL. Both are reduced to
 * {@code host/path[?query]}: lower case (learners retype paths in any case, and the catalog's hosts
 * serve the same page), no scheme ({@code http} = {@code https}), no {@code www.}, no {@code #anchor},
 * no trailing {@code /}, no {@code .html}/{@code .htm}. A link matches a catalog URL when it is that
 * URL or a page below it ({@code …/jhoward/some-notebook/edit}); its query is ignored unless the
 * catalog URL has one.
 */
final class LessonUrls {

    private static final Pattern SCHEME = Pattern.compile("^[a-z][a-z0-9+.-]*://");
    private static final Pattern URL_IN_TEXT =
            Pattern.compile("(?i)(?:https?://|www\\.)[^\\s<>()\\[\\]\"'`|]+");
    /** What {@link #withoutTrailingPunctuation} strips from the end of a URL found in text. */
    private static final String TRAILING_PUNCTUATION = ".,;:!?*_~";

    private LessonUrls() {
    }

    static String normalize(String url) {
        String s = url.strip().toLowerCase(Locale.ROOT);
        int hash = s.indexOf('#');
        if (hash >= 0) {
            s = s.substring(0, hash);
        }
        String query = "";
        int question = s.indexOf('?');
        if (question >= 0) {
            query = s.substring(question + 1);
            s = s.substring(0, question);
        }
        s = SCHEME.matcher(s).replaceFirst("");
        if (s.startsWith("www.")) {
            s = s.substring(4);
        }
        s = stripTrailingSlashes(s);
        if (s.endsWith(".html")) {
            s = s.substring(0, s.length() - 5);
        } else if (s.endsWith(".htm")) {
            s = s.substring(0, s.length() - 4);
        }
        s = stripTrailingSlashes(s);
        return query.isEmpty() ? s : s + "?" + query;
    }

    /** Whether {@code link} (as a learner wrote it) points at {@code catalogUrl} or a page below it. */
    static boolean matches(String link, String catalogUrl) {
        return matchesNormalized(normalize(link), normalize(catalogUrl));
    }

    /** {@link #matches}, for a link and a catalog URL already {@link #normalize normalized}. */
    static boolean matchesNormalized(String link, String catalogUrl) {
        String target = catalogUrl;
        String candidate = link;
        if (!target.contains("?")) {
            int question = candidate.indexOf('?');
            if (question >= 0) {
                candidate = candidate.substring(0, question);
            }
        }
        return !target.isEmpty() && (candidate.equals(target) || candidate.startsWith(target + "/"));
    }

    static boolean isWebUrl(String link) {
        String s = link.strip().toLowerCase(Locale.ROOT);
        return s.startsWith("http://") || s.startsWith("https://") || s.startsWith("www.");
    }

    /** The http(s) and {@code www.} URLs written in a task's text, without trailing punctuation. */
    static List<String> findIn(String text) {
        List<String> urls = new ArrayList<>();
        Matcher m = URL_IN_TEXT.matcher(text);
        while (m.find()) {
            urls.add(withoutTrailingPunctuation(m.group()));
        }
        return urls;
    }

    /** The text with every URL replaced by a space, so that words inside URLs are not read as the learner's. */
    static String withoutUrls(String text) {
        return URL_IN_TEXT.matcher(text).replaceAll(" ");
    }

    /**
     * The URL without its run of trailing {@code .,;:!?*_~}. Written as a backward scan, not as the
     * regex {@code [.,;:!?*_~]+$}: that regex, tried at each start position inside a long run of
     * punctuation not at the end ({@code http://x.....y}), walks the run to its end every time, so it
     * costs the square of the run (100,000 dots took seconds). The scan touches each character once.
     */
    static String withoutTrailingPunctuation(String url) {
        int end = url.length();
        while (end > 0 && TRAILING_PUNCTUATION.indexOf(url.charAt(end - 1)) >= 0) {
            end--;
        }
        return url.substring(0, end);
    }

    private static String stripTrailingSlashes(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '/') {
            end--;
        }
        return s.substring(0, end);
    }
}
