package io.coursetracker.support.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.coursetracker.contracts.api.ErrorBody;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Every error leaves as {@link ErrorBody} JSON naming what is wrong. Unexpected failures say only
 * that something failed, with an incident id to find the stack trace in the log; internals (class
 * names, stack traces, SQL) never reach a client.
 */
public class ErrorMappers {
    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    @ServerExceptionMapper
    public Response apiException(ApiException e) {
        if (e.status() >= 500) {
            LOG.warnf("answered %d: %s (%s)", e.status(), e.error(), e.detail());
        }
        return json(e.status(), new ErrorBody(e.error(), e.detail()));
    }

    /** A body that is not JSON, or JSON of the wrong shape, for an endpoint that reads JSON. */
    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e) {
        if (e instanceof JsonParseException || !(e instanceof JsonMappingException mapping)) {
            return json(400, new ErrorBody("malformed JSON", "the body is not valid JSON" + where(e) + "; nothing changed"));
        }
        String field = mapping.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
        return json(400, new ErrorBody("invalid JSON",
                (field.isEmpty() ? "the body has the wrong shape" : "field '" + field + "' has the wrong type or value")
                        + where(e) + "; nothing changed"));
    }

    /** Jackson's wrong-type error; mapped here so Quarkus's own mapper (an empty 400 in production) never answers. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        return malformedJson(e);
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, ContainerRequestContext request) {
        return json(404, new ErrorBody("not found", "no endpoint " + request.getMethod() + " " + request.getUriInfo().getPath()));
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e, ContainerRequestContext request) {
        String allowed = String.join(", ", e.getResponse().getAllowedMethods());
        return Response.status(405).type(MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.ALLOW, allowed)
                .entity(new ErrorBody("method not allowed", request.getMethod() + " is not allowed on "
                        + request.getUriInfo().getPath() + (allowed.isEmpty() ? "" : "; allowed: " + allowed)))
                .build();
    }

    @ServerExceptionMapper
    public Response unsupportedMediaType(NotSupportedException e, ContainerRequestContext request) {
        MediaType sent = request.getMediaType();
        return json(415, new ErrorBody("unsupported media type", "Content-Type "
                + (sent == null ? "(none)" : "'" + sent + "'") + " is not accepted by "
                + request.getMethod() + " " + request.getUriInfo().getPath() + "; nothing changed"));
    }

    @ServerExceptionMapper
    public Response notAcceptable(NotAcceptableException e) {
        return json(406, new ErrorBody("not acceptable", "this endpoint answers application/json"));
    }

    @ServerExceptionMapper
    public Response webApplicationException(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e);
        }
        if (e.getCause() instanceof JsonProcessingException cause) {
            return malformedJson(cause);
        }
        String reason = e.getResponse().getStatusInfo().getReasonPhrase();
        return json(status, new ErrorBody(reason == null ? "request refused" : reason.toLowerCase(), "HTTP " + status));
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        if (DatabaseOutage.causedBy(e)) {
            // Not committed (or, if the connection broke during commit, the client cannot know; the same bytes sent
            // again are answered "unchanged" if they were stored): a clear "try again", never a 2xx.
            LOG.warnf("answered 503, the database is unreachable: %s", e.getMessage());
            return Response.status(503).type(MediaType.APPLICATION_JSON_TYPE)
                    .header(HttpHeaders.RETRY_AFTER, DatabaseOutage.RETRY_AFTER_SECONDS)
                    .entity(new ErrorBody("database unavailable", "the service cannot reach its database; nothing was committed; try again in "
                            + DatabaseOutage.RETRY_AFTER_SECONDS + " s (sending the same edit again is safe)"))
                    .build();
        }
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "request failed, incident %s", incident);
        return json(500, new ErrorBody("internal error", "something failed on our side; incident " + incident));
    }

    public static Response json(int status, ErrorBody body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }

    private static String where(JsonProcessingException e) {
        return e.getLocation() == null || e.getLocation().getLineNr() < 0 ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }
}
