package io.coursetracker.ingest.notes;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.coursetracker.contracts.events.LearnerRegistered;
import io.coursetracker.contracts.events.Topics;
import io.coursetracker.localstack.LocalStackTestResource;
import io.coursetracker.localstack.TopicClient;
import io.coursetracker.support.security.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Boots ingest-service against a real Kafka broker and PostgreSQL in a JVM whose heap is 384 MiB,
 * serially collected (the {@code bounded-heap} surefire execution), and sends two vaults at once, each
 * inside the documented caps: 200 notes of 1 MiB of compressible text, 200 MiB inflated apiece. Both
 * must be stored whole, and an ordinary edit of another learner sent meanwhile must be answered.
 *
 * <p>The broker runs in this JVM and shares its heap: its log cleaner alone holds 128 MiB (its
 * dedupe buffer), and broker, service and test together keep about 100 MiB more, so the service has
 * about 150 MiB here, near what it has under its own 128 MiB heap. Holding one of these vaults
 * inflated (200 MiB) does not fit; before the vault was read one note at a time, both uploads ended in
 * 500 {@code OutOfMemoryError}.
 */
@Tag("bounded-heap")
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "ingest"))
class BoundedHeapVaultUploadTest {
    private static final int NOTES = 200;
    private static final int NOTE_BYTES = 1024 * 1024;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ObjectMapper json;

    @Inject
    NoteHeadRepository heads;

    @TestHTTPResource
    URL testUrl;

    @Test
    void twoVaultsOf200NotesOf1MiBAtOnceAreBothStoredWhole() throws Exception {
        assertThat(Runtime.getRuntime().maxMemory()).as("this test's heap").isLessThanOrEqualTo(384L * 1024 * 1024);
        String[] first = register();
        String[] second = register();
        String[] other = register();
        byte[] vault = vault();
        System.out.printf("bounded heap: the vault zip is %d KiB%n", vault.length >> 10);

        HttpClient http = HttpClient.newHttpClient();
        CompletableFuture<HttpResponse<String>> one = http.sendAsync(upload(first, vault), HttpResponse.BodyHandlers.ofString());
        CompletableFuture<HttpResponse<String>> two = http.sendAsync(upload(second, vault), HttpResponse.BodyHandlers.ofString());
        // An ordinary edit of another learner while both vaults are being stored.
        Response edit = given().header("Authorization", "Bearer " + other[1]).contentType("text/markdown")
                .body("## Goals for Today\n- [x] Watch the Lesson 1 video\n")
                .put("/v1/learners/{learner}/notes/Daily/2026-04-02.md", other[0]);
        assertThat(edit.statusCode()).as("another learner's edit").isEqualTo(202);

        for (CompletableFuture<HttpResponse<String>> upload : List.of(one, two)) {
            HttpResponse<String> answer = upload.get(5, TimeUnit.MINUTES);
            assertThat(answer.statusCode()).as("a vault's answer: %s", answer.body()).isEqualTo(202);
            assertThat(json.readTree(answer.body()).path("accepted").asInt()).isEqualTo(NOTES);
        }
        assertThat(heads.livePaths(first[0])).hasSize(NOTES);
        assertThat(heads.livePaths(second[0])).hasSize(NOTES);
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                System.out.printf("bounded heap: pool %s peak %d MiB of %d MiB%n", pool.getName(),
                        pool.getPeakUsage().getUsed() >> 20, pool.getPeakUsage().getMax() >> 20);
            }
        }
    }

    /** Sent with the JDK's client: REST Assured keeps copies of a request body (boxed, byte by byte) that would crowd this heap. */
    private HttpRequest upload(String[] learner, byte[] vault) {
        return HttpRequest.newBuilder(URI.create(testUrl + "v1/learners/" + learner[0] + "/vault"))
                .header("Authorization", "Bearer " + learner[1]).header("Content-Type", "application/zip")
                .timeout(Duration.ofMinutes(5))
                .POST(HttpRequest.BodyPublishers.ofByteArray(vault)).build();
    }

    /** 200 notes of 1 MiB of prose each, different from one another; the zip is a few hundred KiB. */
    private static byte[] vault() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int n = 0; n < NOTES; n++) {
                LocalDate day = LocalDate.of(2025, 1, 1).plusDays(n);
                StringBuilder note = new StringBuilder("# " + day + "\n## What I Studied\n");
                String line = "Day " + n + ": I re-read the chapter on gradient descent and wrote down what I understood.\n";
                while (note.length() + line.length() <= NOTE_BYTES) {
                    note.append(line);
                }
                zip.putNextEntry(new ZipEntry("Daily/" + day + ".md"));
                zip.write(note.toString().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private String[] register() throws IOException {
        String learner = "heap-" + UUID.randomUUID().toString().substring(0, 8);
        String token = Tokens.newToken();
        try (TopicClient kafka = new TopicClient(bootstrapServers)) {
            kafka.send(Topics.LEARNERS, learner, json.writeValueAsString(new LearnerRegistered(UUID.randomUUID(), Instant.now(),
                    1, learner, "Heap Learner", "UTC", List.of("fastai-part1-2022"), 0, Tokens.sha256(token))));
        }
        return new String[] {learner, token};
    }
}
