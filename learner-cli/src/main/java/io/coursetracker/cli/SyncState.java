package io.coursetracker.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What {@code watch} last sent successfully: the SHA-256 of each note's content, by path, for one
 * learner on one server. Lets a restarted watcher send only what changed while it was stopped, and
 * delete what vanished. A state file for another learner or server is ignored (start afresh): the
 * server answers {@code unchanged} to the same bytes, so sending again is harmless.
 */
public final class SyncState {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final String learner;
    private final String server;
    private final Map<String, String> sent = new TreeMap<>();

    private SyncState(Path file, String learner, String server) {
        this.file = file;
        this.learner = learner;
        this.server = server;
    }

    /** The default place: inside the vault's hidden {@code .course-tracker/} folder, which is never sent. */
    public static Path defaultFile(Path vault, String learner) {
        return vault.resolve(".course-tracker").resolve("sent-" + learner + ".json");
    }

    public static SyncState load(Path file, String learner, String server) throws IOException {
        SyncState state = new SyncState(file, learner, server);
        if (Files.isRegularFile(file)) {
            JsonNode stored;
            try {
                stored = JSON.readTree(file.toFile());
            } catch (IOException unreadable) {
                // A torn or hand-edited file costs a full re-send, nothing more.
                return state;
            }
            if (learner.equals(stored.path("learner").asText()) && server.equals(stored.path("server").asText())) {
                stored.path("sent").fields().forEachRemaining(e -> state.sent.put(e.getKey(), e.getValue().asText()));
            }
        }
        return state;
    }

    public Optional<String> sentHash(String notePath) {
        return Optional.ofNullable(sent.get(notePath));
    }

    public Iterable<String> paths() {
        return Map.copyOf(sent).keySet();
    }

    public void sent(String notePath, String sha256) {
        sent.put(notePath, sha256);
    }

    public void deleted(String notePath) {
        sent.remove(notePath);
    }

    /** Written to a temporary file and moved into place, so a crash leaves the old state or the new. */
    public void save() throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("learner", learner);
        root.put("server", server);
        ObjectNode notes = root.putObject("sent");
        sent.forEach(notes::put);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        JSON.writerWithDefaultPrettyPrinter().writeValue(temporary.toFile(), root);
        try {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
