package io.coursetracker.ingest.notes;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class NoteRevisionRepository implements PanacheRepositoryBase<NoteRevision, NoteRevision.RevisionKey> {
}
