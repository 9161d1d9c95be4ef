package io.coursetracker.tracker.courses;

import io.coursetracker.contracts.catalog.CatalogReader;
import io.coursetracker.contracts.catalog.CourseCatalog;
import io.coursetracker.contracts.catalog.InvalidCatalogException;
import io.coursetracker.support.catalogs.CatalogDirectory;
import io.coursetracker.support.web.ApiException;
import io.coursetracker.tracker.learners.TrackerAuthenticator;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Course catalogs: any known token reads them, only an admin publishes one. A catalog's JSON is the
 * format of {@code contracts/src/main/resources/catalogs/*.json} ({@link CatalogReader}), in and out.
 */
@Path("/v1/courses")
@Produces(MediaType.APPLICATION_JSON)
public class CourseResource {
    /** Well under Kafka's default 1 MiB record limit, and far above a real course (fast.ai's is 11 KiB). */
    static final int MAX_CATALOG_BYTES = 512 * 1024;

    private final TrackerAuthenticator authenticator;
    private final CatalogDirectory catalogs;
    private final CatalogPublication publication;

    public CourseResource(TrackerAuthenticator authenticator, CatalogDirectory catalogs, CatalogPublication publication) {
        this.authenticator = authenticator;
        this.catalogs = catalogs;
        this.publication = publication;
    }

    /** Every catalog, whole: the bundled ones first, then the others by id. */
    @GET
    public List<CourseCatalog> list(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        authenticator.authenticate(authorization);
        return catalogs.allCaughtUp();
    }

    @GET
    @Path("/{id}")
    public CourseCatalog get(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id) {
        authenticator.authenticate(authorization);
        return catalogs.catalog(id).orElseThrow(() -> ApiException.notFound("unknown course", "no course '" + id + "'"));
    }

    /**
     * Admin only: publishes the catalog, new (201) or replacing the one with this id (200), and
     * answers once Kafka has acknowledged it. A catalog that does not read or validate is a 400
     * naming every problem, and nothing is published.
     */
    @PUT
    @Path("/{id}")
    public Response put(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id,
                        byte[] body) {
        authenticator.requireAdmin(authorization);
        if (body == null || body.length == 0) {
            throw ApiException.badRequest("missing body", "send the catalog as JSON: {\"id\",\"title\",\"lessons\":[…]}");
        }
        if (body.length > MAX_CATALOG_BYTES) {
            throw new ApiException(413, "catalog too large", "a catalog may be at most 512 KiB of JSON; nothing changed");
        }
        CourseCatalog catalog;
        try {
            catalog = CatalogReader.read(body);
        } catch (InvalidCatalogException e) {
            throw ApiException.badRequest("invalid catalog", String.join("; ", e.problems()));
        }
        if (!catalog.id().equals(id)) {
            throw ApiException.badRequest("course id mismatch",
                    "the catalog's id is '" + catalog.id() + "' but the path names '" + id + "'; nothing changed");
        }
        Optional<CourseCatalog> previous = catalogs.catalog(id);
        if (previous.isPresent() && previous.get().equals(catalog)) {
            return Response.ok(catalog).build(); // the same catalog again: nothing to publish
        }
        publication.publish(catalog);
        return previous.isPresent()
                ? Response.ok(catalog).build()
                : Response.created(URI.create("/v1/courses/" + id)).entity(catalog).build();
    }
}
