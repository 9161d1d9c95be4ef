package io.coursetracker.contracts.events;

import io.coursetracker.contracts.catalog.BundledCatalogs;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Plain JUnit: which schema versions a consumer built from this module reads. */
class SchemaVersionsTest {

    @Test
    void versionsFromOneToTheRecordsOwnAreKnownAndOthersAreRefusedByName() {
        assertThat(SchemaVersions.isKnown(settingsChanged(1))).isTrue();
        assertThat(SchemaVersions.isKnown(settingsChanged(LearnerSettingsChanged.SCHEMA_VERSION + 1))).isFalse();
        assertThat(SchemaVersions.isKnown(settingsChanged(0))).isFalse();
        assertThat(SchemaVersions.refusal(settingsChanged(2))).contains("LearnerSettingsChanged", "2", "1..1");

        CourseCatalogPublished v2 = new CourseCatalogPublished(UUID.randomUUID(), Instant.now(), 2, BundledCatalogs.fastaiPart1());
        assertThat(SchemaVersions.isKnown(v2)).isFalse();
        assertThat(v2.courseId()).isEqualTo(BundledCatalogs.FASTAI_PART1_2022);
    }

    @Test
    void theNewestKnownVersionIsTheRecordsSchemaVersion() {
        assertThat(SchemaVersions.newestKnown(settingsChanged(1))).isEqualTo(LearnerSettingsChanged.SCHEMA_VERSION);
        assertThat(SchemaVersions.newestKnown(new NoteDeleted(UUID.randomUUID(), Instant.now(), 1, "a", "b.md", 1)))
                .isEqualTo(NoteDeleted.SCHEMA_VERSION);
    }

    private static LearnerSettingsChanged settingsChanged(int version) {
        return new LearnerSettingsChanged(UUID.randomUUID(), Instant.now(), version, "mira-k", "Mira", "UTC",
                List.of(BundledCatalogs.FASTAI_PART1_2022), 0, "ab");
    }
}
