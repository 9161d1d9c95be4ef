package io.coursetracker.ingest.notes;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.coursetracker.contracts.events.LearnerRegistered;
import io.coursetracker.contracts.events.Topics;
import io.coursetracker.localstack.LocalStackTestResource;
import io.coursetracker.localstack.TopicClient;
import io.coursetracker.support.security.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several learners saving at once, single notes and vaults of more notes than one transaction
 * stores: every accepted edit's event reaches Kafka. Outbox rows of concurrent transactions commit
 * out of id order, which is how an event was once deleted from the outbox unsent.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "ingest"))
class ConcurrentIntakeTest {
    private static final int WRITERS = 3;
    private static final int NOTES_EACH = 30;
    private static final int VAULT_NOTES = VaultUpload.EDITS_PER_TRANSACTION * 2 + 50;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ObjectMapper json;

    @Inject
    NoteHeadRepository heads;

    TopicClient kafka;

    @BeforeEach
    void connect() {
        kafka = new TopicClient(bootstrapServers);
    }

    @AfterEach
    void close() {
        kafka.close();
    }

    @Test
    void everyEditAcceptedWhileOthersSaveReachesKafkaAndAVaultIsStoredWhole() throws Exception {
        List<String[]> writers = new ArrayList<>();
        for (int i = 0; i < WRITERS + 1; i++) {
            writers.add(register());
        }
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 1);
        List<Future<Set<String>>> accepted = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            String[] writer = writers.get(i);
            accepted.add(pool.submit(() -> putNotes(writer[0], writer[1])));
        }
        String[] vaultOwner = writers.get(WRITERS);
        Future<Response> vault = pool.submit(() -> given().header("Authorization", "Bearer " + vaultOwner[1])
                .contentType("application/zip").body(vault()).post("/v1/learners/{learner}/vault", vaultOwner[0]));
        Set<String> eventIds = new HashSet<>();
        for (Future<Set<String>> ids : accepted) {
            eventIds.addAll(ids.get());
        }
        vault.get().then().statusCode(202);
        assertThat(vault.get().jsonPath().getInt("accepted")).isEqualTo(VAULT_NOTES);
        assertThat(heads.livePaths(vaultOwner[0])).hasSize(VAULT_NOTES);
        pool.shutdown();

        var published = kafka.readUntil(Topics.NOTES, read -> {
            Set<String> seen = new HashSet<>();
            read.forEach(r -> seen.add(r.value()));
            return eventIds.stream().allMatch(id -> seen.stream().anyMatch(v -> v.contains(id)))
                    && read.stream().filter(r -> vaultOwner[0].equals(r.key())).count() >= VAULT_NOTES;
        }, Duration.ofSeconds(60));
        Set<String> publishedIds = new HashSet<>();
        for (var record : published) {
            publishedIds.add(json.readTree(record.value()).path("eventId").asText());
        }
        assertThat(publishedIds).containsAll(eventIds);
        assertThat(published).filteredOn(r -> vaultOwner[0].equals(r.key())).hasSize(VAULT_NOTES);
    }

    @Test
    void simultaneousFirstEditsOfOneNoteAreEachAcceptedAsTheirOwnRevision() throws Exception {
        String[] writer = register();
        int edits = 8;
        ExecutorService pool = Executors.newFixedThreadPool(edits);
        List<Future<Response>> answers = new ArrayList<>();
        for (int n = 0; n < edits; n++) {
            String body = note(n);
            answers.add(pool.submit(() -> given().header("Authorization", "Bearer " + writer[1]).contentType("text/markdown")
                    .body(body).put("/v1/learners/{learner}/notes/Daily/2026-02-01.md", writer[0])));
        }
        List<Long> revisions = new ArrayList<>();
        for (Future<Response> answer : answers) {
            answer.get().then().statusCode(202);
            revisions.add(answer.get().jsonPath().getLong("revision"));
        }
        pool.shutdown();
        assertThat(revisions).containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
        assertThat(heads.livePaths(writer[0])).containsExactly("Daily/2026-02-01.md");
    }

    private Set<String> putNotes(String learner, String token) {
        Set<String> ids = new HashSet<>();
        for (int n = 0; n < NOTES_EACH; n++) {
            String path = "Daily/" + LocalDate.of(2026, 1, 1).plusDays(n) + ".md";
            Response response = given().header("Authorization", "Bearer " + token).contentType("text/markdown")
                    .body(note(n)).put("/v1/learners/{learner}/notes/" + path, learner);
            response.then().statusCode(202);
            ids.add(response.jsonPath().getString("eventId"));
        }
        return ids;
    }

    private static byte[] vault() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int n = 0; n < VAULT_NOTES; n++) {
                zip.putNextEntry(new ZipEntry("Daily/" + LocalDate.of(2025, 1, 1).plusDays(n) + ".md"));
                zip.write(note(n).getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static String note(int n) {
        return "## Goals for Today\n- [x] Watch the Lesson " + (1 + n % 8) + " video\n## What I Studied\n- day " + n + "\n";
    }

    private String[] register() throws IOException {
        String learner = "busy-" + UUID.randomUUID().toString().substring(0, 8);
        String token = Tokens.newToken();
        kafka.send(Topics.LEARNERS, learner, json.writeValueAsString(new LearnerRegistered(UUID.randomUUID(), Instant.now(),
                1, learner, "Busy Learner", "UTC", List.of("fastai-part1-2022"), 0, Tokens.sha256(token))));
        return new String[] {learner, token};
    }
}
