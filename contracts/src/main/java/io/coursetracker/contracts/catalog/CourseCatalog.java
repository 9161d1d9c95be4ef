package io.coursetracker.contracts.catalog;

import java.util.List;
import java.util.Optional;

/** A course and its lessons, as an admin publishes it ({@code PUT /v1/courses/{id}}) or the platform ships it. */
public record CourseCatalog(String id, String title, List<CatalogLesson> lessons) {
    public CourseCatalog {
        lessons = List.copyOf(lessons);
    }

    public Optional<CatalogLesson> lesson(int number) {
        return lessons.stream().filter(l -> l.number() == number).findFirst();
    }
}
