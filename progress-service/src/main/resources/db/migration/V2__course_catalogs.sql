-- Catalogs from catalogs.events.v1 (a team's own courses, replacements of bundled ones), kept here so a
-- restart resolves lessons without reading the topic again. A bundled catalog without a row is used as shipped.
CREATE TABLE course_catalog (
    course_id  text        PRIMARY KEY,
    body       text        NOT NULL, -- the catalog as JSON, in CatalogReader's format
    event_id   uuid        NOT NULL, -- the CourseCatalogPublished it came from
    updated_at timestamptz NOT NULL
);
