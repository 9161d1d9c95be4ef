package io.coursetracker.contracts.events;

/**
 * Which schema versions this build reads (docs/events.md, rule 4): 1 up to the record's
 * {@code SCHEMA_VERSION}. A consumer refuses anything else rather than guess.
 */
public final class SchemaVersions {
    private SchemaVersions() {
    }

    /** The highest version of the event's type that this build knows. */
    public static int newestKnown(DomainEvent event) {
        if (event instanceof NoteRevised) {
            return NoteRevised.SCHEMA_VERSION;
        } else if (event instanceof NoteDeleted) {
            return NoteDeleted.SCHEMA_VERSION;
        } else if (event instanceof LearnerRegistered) {
            return LearnerRegistered.SCHEMA_VERSION;
        } else if (event instanceof LearnerSettingsChanged) {
            return LearnerSettingsChanged.SCHEMA_VERSION;
        } else if (event instanceof LearnerTokenRotated) {
            return LearnerTokenRotated.SCHEMA_VERSION;
        } else if (event instanceof CourseCatalogPublished) {
            return CourseCatalogPublished.SCHEMA_VERSION;
        }
        throw new IllegalArgumentException("unknown event type " + event.getClass().getName());
    }

    public static boolean isKnown(DomainEvent event) {
        return event.schemaVersion() >= 1 && event.schemaVersion() <= newestKnown(event);
    }

    /** Why the event is refused, for the dead-letter reason and the log. */
    public static String refusal(DomainEvent event) {
        return event.getClass().getSimpleName() + " schemaVersion " + event.schemaVersion()
                + " is not one this service reads (1.." + newestKnown(event) + ")";
    }
}
