package io.coursetracker.contracts.golden;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.paramnames.ParameterNamesModule;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The golden event files in {@code golden/} of this module's test-jar, one per event type and
 * schema version ({@code NoteRevised.v1.json}), and an {@link ObjectMapper} that reads and writes
 * them the way the services do. Consumer tests depend on the contracts test-jar and replay these
 * files through their own handlers; editing a file is a schema change (docs/events.md).
 */
public final class GoldenEvents {
    /** The folder, on the classpath, that holds the golden files. */
    public static final String FOLDER = "golden/";

    private GoldenEvents() {
    }

    /**
     * The text of one golden file, exactly as stored.
     *
     * @param name the file name, {@code "NoteRevised.v1.json"}, or the same without {@code .json}
     * @throws IllegalArgumentException when there is no such golden file
     */
    public static String json(String name) {
        String file = name.endsWith(".json") ? name : name + ".json";
        try (InputStream in = GoldenEvents.class.getClassLoader().getResourceAsStream(FOLDER + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no golden file " + FOLDER + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read golden file " + FOLDER + file, e);
        }
    }

    /** One golden file as a JSON object tree, for comparing with {@link JsonNode#equals}. */
    public static ObjectNode tree(String name) {
        try {
            return (ObjectNode) mapper().readTree(json(name));
        } catch (IOException e) {
            throw new UncheckedIOException("golden file " + name + " is not JSON", e);
        }
    }

    /**
     * A new mapper configured as the services' Quarkus {@code ObjectMapper} is with our defaults
     * (quarkus-jackson 3.33): the JavaTime, Jdk8 and ParameterNames modules registered, dates and
     * instants written as ISO-8601 strings ({@code WRITE_DATES_AS_TIMESTAMPS} off), and unknown
     * properties ignored ({@code FAIL_ON_UNKNOWN_PROPERTIES} off) so that consumers tolerate fields
     * added by a newer producer. A new instance each call, so a test that reconfigures it cannot
     * affect another.
     */
    public static ObjectMapper mapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .registerModule(new Jdk8Module())
                .registerModule(new ParameterNamesModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }
}
