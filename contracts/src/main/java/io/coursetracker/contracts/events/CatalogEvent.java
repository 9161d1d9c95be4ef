package io.coursetracker.contracts.events;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Events on {@link Topics#CATALOGS}, a compacted topic keyed by course id: each event carries the
 * course's whole catalog, so the latest record per key is all a new consumer needs.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = CourseCatalogPublished.class, name = "CourseCatalogPublished")
})
public sealed interface CatalogEvent extends DomainEvent permits CourseCatalogPublished {
    /** The course the event is about; also the record key. */
    String courseId();
}
