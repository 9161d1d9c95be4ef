package io.coursetracker.contracts.catalog;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CatalogReaderTest {

    @Test
    void readsAMinimalCatalogWithListsLeftOut() {
        CourseCatalog c = CatalogReader.read("""
                {"id": "sql-basics", "title": "SQL basics",
                 "lessons": [{"number": 1, "title": "SELECT", "url": "https://example.org/sql/1"}]}
                """.getBytes(StandardCharsets.UTF_8));
        CatalogLesson only = c.lesson(1).orElseThrow();
        assertThat(only.chapters()).isEmpty();
        assertThat(only.notebooks()).isEmpty();
        assertThat(only.aliases()).isEmpty();
    }

    @Test
    void nullListsAreEmptyToo() {
        CourseCatalog c = CatalogReader.read("""
                {"id": "sql-basics", "title": "SQL basics",
                 "lessons": [{"number": 1, "title": "SELECT", "url": "https://example.org/sql/1",
                              "chapters": null, "notebooks": null, "aliases": null}]}
                """);
        assertThat(c.lesson(1).orElseThrow().aliases()).isEmpty();
    }

    @Test
    void malformedJsonIsRejectedWithItsPosition() {
        assertThatThrownBy(() -> CatalogReader.read("{\"id\": \"x\", \"title\": "))
                .isInstanceOf(InvalidCatalogException.class)
                .hasMessageStartingWith("invalid catalog: malformed catalog JSON")
                .hasMessageContaining("line 1");
    }

    @Test
    void anUnknownFieldIsNamed() {
        assertThatThrownBy(() -> CatalogReader.read("""
                {"id": "x", "title": "X", "lesson": []}
                """))
                .isInstanceOf(InvalidCatalogException.class)
                .hasMessageContaining("\"lesson\"");
    }

    @Test
    void aWrongTypeNamesThePath() {
        assertThatThrownBy(() -> CatalogReader.read("""
                {"id": "x", "title": "X", "lessons": [{"number": "one", "title": "t", "url": "https://e.org/1"}]}
                """))
                .isInstanceOf(InvalidCatalogException.class)
                .hasMessageContaining("lessons[0].number");
    }

    @Test
    void aNullAliasIsRejectedNotCrashed() {
        assertThatThrownBy(() -> CatalogReader.read("""
                {"id": "x", "title": "X", "lessons": [{"number": 1, "title": "t", "url": "https://e.org/1", "aliases": [null]}]}
                """))
                .isInstanceOf(InvalidCatalogException.class)
                .hasMessageContaining("lessons[0]");
    }

    @Test
    void aWellFormedButInvalidCatalogIsRejectedByTheValidator() {
        assertThatThrownBy(() -> CatalogReader.read("""
                {"id": "x", "title": "X", "lessons": []}
                """))
                .isInstanceOf(InvalidCatalogException.class)
                .hasMessage("invalid catalog: course has no lessons");
        assertThatThrownBy(() -> CatalogReader.read("  "))
                .hasMessage("invalid catalog: the catalog body is empty");
    }

    @Test
    void aWrongShapeIsNamedWithoutJavaClassNames() {
        assertThatThrownBy(() -> CatalogReader.read("[1, 2]"))
                .isInstanceOf(InvalidCatalogException.class)
                .hasMessageContaining("wrong type")
                .hasMessageNotContaining("io.coursetracker")
                .hasMessageNotContaining("JsonToken");
        assertThatThrownBy(() -> CatalogReader.read("{\"id\":\"x\",\"colour\":1}"))
                .hasMessageContaining("unknown field \"colour\"")
                .hasMessageNotContaining("io.coursetracker");
    }
}
