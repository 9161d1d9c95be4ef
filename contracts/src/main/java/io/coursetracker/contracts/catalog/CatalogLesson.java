package io.coursetracker.contracts.catalog;

import java.util.List;

/**
 * One lesson of a course. {@code url} is the lesson's page (its video); {@code chapters} and
 * {@code notebooks} are links to its reading and its notebooks; {@code aliases} are the names a
 * learner writes for it ("Lesson 1", "lesson1").
 */
public record CatalogLesson(
        int number,
        String title,
        String url,
        List<Chapter> chapters,
        List<String> notebooks,
        List<String> aliases) {

    public CatalogLesson {
        chapters = List.copyOf(chapters);
        notebooks = List.copyOf(notebooks);
        aliases = List.copyOf(aliases);
    }

    /** A book chapter: its number, title and the URLs it is read at. */
    public record Chapter(int number, String title, List<String> urls) {
        public Chapter {
            urls = List.copyOf(urls);
        }
    }
}
