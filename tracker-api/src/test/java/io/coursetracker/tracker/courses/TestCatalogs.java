package io.coursetracker.tracker.courses;

/** Catalog bodies for {@code PUT /v1/courses/{id}} in tests. */
public final class TestCatalogs {
    private TestCatalogs() {
    }

    /** A two-lesson course in the bundled catalogs' JSON format; the first lesson's one alias is given. */
    public static String twoLessons(String id, String firstAlias) {
        return """
                {
                  "id": "%s",
                  "title": "Guild course",
                  "lessons": [
                    {
                      "number": 1,
                      "title": "First session",
                      "url": "https://guild.example.org/s1",
                      "chapters": [],
                      "notebooks": ["https://www.kaggle.com/code/guild/s1"],
                      "aliases": ["%s"]
                    },
                    {
                      "number": 2,
                      "title": "Second session",
                      "url": "https://guild.example.org/s2",
                      "aliases": ["Session 2"]
                    }
                  ]
                }
                """.formatted(id, firstAlias);
    }
}
