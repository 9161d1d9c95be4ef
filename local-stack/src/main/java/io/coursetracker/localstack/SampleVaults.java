package io.coursetracker.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Loads the sample vaults ({@code deploy/local/sample-vaults/<learner>/…}) through the public API,
 * as a learner would: creates each learner once and saves each note. Learners' tokens are kept in
 * the data folder (owner-only) so a restarted stack can show them again. Then {@link #studyGroup}
 * puts the sample learners in one team, as an admin would.
 */
public final class SampleVaults {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The sample study group: its id, its owner, and its members (the sample learners, owner included). */
    public static final String STUDY_GROUP = "fastai-study-group";
    public static final String STUDY_GROUP_OWNER = "ada";
    public static final List<String> STUDY_GROUP_MEMBERS = List.of("ada", "grace", "linus");
    private final HttpClient http = HttpClient.newHttpClient();
    private final String trackerUrl;
    private final String ingestUrl;
    private final String adminToken;

    public SampleVaults(String trackerUrl, String ingestUrl, String adminToken) {
        this.trackerUrl = trackerUrl;
        this.ingestUrl = ingestUrl;
        this.adminToken = adminToken;
    }

    /** Loads every learner folder below {@code vaults}; returns learner id → token. */
    public Map<String, String> load(Path vaults, Path tokenFile) throws IOException, InterruptedException {
        Map<String, String> tokens = readTokens(tokenFile);
        List<Path> learnerDirs;
        try (Stream<Path> dirs = Files.list(vaults)) {
            learnerDirs = dirs.filter(Files::isDirectory).sorted().toList();
        }
        for (Path learnerDir : learnerDirs) {
            String learnerId = learnerDir.getFileName().toString();
            if (!tokens.containsKey(learnerId)) {
                tokens.put(learnerId, createLearner(learnerId, learnerDir));
                writeTokens(tokenFile, tokens);
            }
            for (Path note : markdownFiles(learnerDir)) {
                String relative = learnerDir.relativize(note).toString().replace('\\', '/');
                putNote(learnerId, tokens.get(learnerId), relative, Files.readAllBytes(note));
            }
        }
        return tokens;
    }

    /**
     * Creates the sample study group (admin) once and adds the sample learners to it; running it again
     * changes nothing. Answers the team's id, or empty when the owner is not among the loaded learners.
     */
    public java.util.Optional<String> studyGroup(Map<String, String> loadedLearners) throws IOException, InterruptedException {
        if (!loadedLearners.containsKey(STUDY_GROUP_OWNER)) {
            return java.util.Optional.empty();
        }
        ObjectNode team = JSON.createObjectNode().put("id", STUDY_GROUP).put("name", "fast.ai study group")
                .put("course", "fastai-part1-2022").put("owner", STUDY_GROUP_OWNER);
        HttpResponse<String> created = admin(HttpRequest.newBuilder(URI.create(trackerUrl + "/v1/teams"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(team))));
        if (created.statusCode() != 201 && created.statusCode() != 409) {
            throw new IOException("creating the sample team failed: " + created.statusCode() + " " + created.body());
        }
        for (String member : STUDY_GROUP_MEMBERS) {
            if (!loadedLearners.containsKey(member)) {
                continue;
            }
            HttpResponse<String> added = admin(HttpRequest.newBuilder(URI.create(trackerUrl + "/v1/teams/" + STUDY_GROUP + "/members/" + member))
                    .PUT(HttpRequest.BodyPublishers.noBody()));
            if (added.statusCode() != 204) {
                throw new IOException("adding " + member + " to the sample team failed: " + added.statusCode() + " " + added.body());
            }
        }
        return java.util.Optional.of(STUDY_GROUP);
    }

    private HttpResponse<String> admin(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.header("Authorization", "Bearer " + adminToken).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String createLearner(String learnerId, Path learnerDir) throws IOException, InterruptedException {
        Path profile = learnerDir.resolve("learner.json");
        ObjectNode body = Files.exists(profile) ? (ObjectNode) JSON.readTree(profile.toFile()) : JSON.createObjectNode();
        body.put("id", learnerId);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(trackerUrl + "/v1/learners"))
                        .header("Authorization", "Bearer " + adminToken)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IOException("creating sample learner " + learnerId + " failed: " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body()).path("token").asText();
    }

    private void putNote(String learnerId, String token, String notePath, byte[] content) throws IOException, InterruptedException {
        String encodedPath = java.util.Arrays.stream(notePath.split("/"))
                .map(segment -> URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"))
                .collect(Collectors.joining("/"));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                                URI.create(ingestUrl + "/v1/learners/" + learnerId + "/notes/" + encodedPath))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "text/markdown")
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(content)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200 && response.statusCode() != 202) {
            throw new IOException("saving sample note " + learnerId + "/" + notePath + " failed: "
                    + response.statusCode() + " " + response.body());
        }
    }

    private static List<Path> markdownFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".md")).sorted().toList();
        }
    }

    private static Map<String, String> readTokens(Path tokenFile) throws IOException {
        Map<String, String> tokens = new LinkedHashMap<>();
        if (Files.exists(tokenFile)) {
            JsonNode stored = JSON.readTree(tokenFile.toFile());
            stored.fields().forEachRemaining(e -> tokens.put(e.getKey(), e.getValue().asText()));
        }
        return tokens;
    }

    private static void writeTokens(Path tokenFile, Map<String, String> tokens) throws IOException {
        Files.createDirectories(tokenFile.getParent());
        Files.writeString(tokenFile, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tokens));
        ownerOnly(tokenFile);
    }

    static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the file inherits the folder's rights
        }
    }

}
