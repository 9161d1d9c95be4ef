package io.coursetracker.contracts.events;

/** Topic names, {@code <domain>.<what>.v<major>}; a major version bump is a new topic (docs/events.md). */
public final class Topics {
    /** {@link NoteEvent}s, keyed by learner id. Written by ingest-service. */
    public static final String NOTES = "notes.events.v1";
    /** {@link LearnerEvent}s, compacted, keyed by learner id. Written by tracker-api. */
    public static final String LEARNERS = "learners.events.v1";
    /** {@link ProgressEvent}s, keyed by learner id. Written by progress-service (outbox). */
    public static final String PROGRESS = "progress.events.v1";
    /** {@link CatalogEvent}s, compacted, keyed by course id. Written by tracker-api. */
    public static final String CATALOGS = "catalogs.events.v1";
    /** Where a consumer puts a notes record it cannot read, with the reason in its headers. */
    public static final String NOTES_DEAD_LETTER = NOTES + ".dlq";
    public static final String LEARNERS_DEAD_LETTER = LEARNERS + ".dlq";
    public static final String CATALOGS_DEAD_LETTER = CATALOGS + ".dlq";

    private Topics() {
    }
}
