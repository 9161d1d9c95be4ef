package io.coursetracker.contracts.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads and writes the catalog JSON format: {@code {"id","title","lessons":[{"number","title","url",
 * "chapters":[{"number","title","urls"}],"notebooks","aliases"}]}}. Missing or null lists are empty;
 * unknown fields are rejected (a mistyped {@code "lesson"} must not silently drop every lesson). Every
 * catalog read is validated by {@link CatalogValidator}.
 */
public final class CatalogReader {

    private static final ObjectMapper MAPPER = mapper();

    private CatalogReader() {
    }

    /** Parses and validates a catalog; throws {@link InvalidCatalogException} naming what is wrong. */
    public static CourseCatalog read(String json) {
        if (json == null || json.isBlank()) {
            throw new InvalidCatalogException(List.of("the catalog body is empty"));
        }
        try {
            return CatalogValidator.validate(MAPPER.readValue(json, CourseCatalog.class));
        } catch (JsonProcessingException e) {
            throw malformed(e);
        }
    }

    /** As {@link #read(String)}, from UTF-8 bytes. */
    public static CourseCatalog read(byte[] json) {
        return read(new String(json, StandardCharsets.UTF_8));
    }

    /** As {@link #read(String)}, from a UTF-8 stream, which it closes. */
    public static CourseCatalog read(InputStream json) {
        try (json) {
            return read(json.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The catalog as indented JSON, in the format {@link #read(String)} accepts. */
    public static String write(CourseCatalog catalog) {
        try {
            return MAPPER.writeValueAsString(catalog);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write catalog " + catalog.id(), e);
        }
    }

    private static InvalidCatalogException malformed(JsonProcessingException e) {
        StringBuilder problem = new StringBuilder("malformed catalog JSON");
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            problem.append(" at ").append(path(mapping.getPath()));
        }
        JsonLocation location = e.getLocation();
        if (location != null && location.getLineNr() > 0) {
            problem.append(" (line ").append(location.getLineNr())
                    .append(", column ").append(location.getColumnNr()).append(')');
        }
        String reason = clientReason(e);
        if (reason != null) {
            problem.append(": ").append(reason);
        }
        return new InvalidCatalogException(problem.toString(), e);
    }

    /**
     * What a client may read: Jackson's parse messages as they are, but never its mapping messages,
     * which name Java classes and tokens.
     */
    private static String clientReason(JsonProcessingException e) {
        if (e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException unknown) {
            return "unknown field \"" + unknown.getPropertyName() + "\"";
        }
        if (e instanceof JsonMappingException) {
            return "a value has the wrong type (the catalog is an object: id, title, lessons [objects])";
        }
        String reason = e.getOriginalMessage();
        return reason == null ? null : reason.lines().findFirst().orElse(reason);
    }

    /** {@code lessons[2].chapters[0].urls} */
    private static String path(List<JsonMappingException.Reference> references) {
        return references.stream()
                .map(r -> r.getIndex() >= 0 ? "[" + r.getIndex() + "]" : "." + r.getFieldName())
                .collect(Collectors.joining())
                .replaceFirst("^\\.", "");
    }

    private static ObjectMapper mapper() {
        ObjectMapper mapper = new ObjectMapper()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .setSerializationInclusion(JsonInclude.Include.ALWAYS);
        mapper.configOverride(List.class).setSetterInfo(JsonSetter.Value.forValueNulls(Nulls.AS_EMPTY));
        return mapper;
    }
}
