package io.coursetracker.system;

import com.fasterxml.jackson.databind.JsonNode;
import io.coursetracker.localstack.Platform;
import io.coursetracker.localstack.ServiceProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One careless or hostile learner against the packaged platform: each abuse must get a clear answer
 * quickly, leave every service alive and without an {@code OutOfMemoryError}, and an ordinary edit of
 * another learner saved right after it must be visible within 2 s. Prints one line per abuse (what
 * was sent, the answer, how long it took, the other learner's delay, each service's peak RSS) and
 * writes them to {@code target/abuse-suite.txt} for docs/reliability.md.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AbuseSuiteIT {
    private static final String ABUSER = "abuser";
    private static final String BYSTANDER = "bystander";
    private static final Duration BYSTANDER_LIMIT = Duration.ofSeconds(2);
    /** Far longer than any of these requests may take once bounded, far shorter than the unbounded ones took. */
    private static final Duration ABUSE_TIMEOUT = Duration.ofSeconds(30);

    private final String adminToken = "admin-" + UUID.randomUUID();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> report = new ArrayList<>();
    private Path dataDir;
    private Platform platform;
    private PlatformClient client;
    private String abuserToken;
    private String bystanderToken;
    private int bystanderEdits;

    @BeforeAll
    void startPlatform() throws Exception {
        dataDir = Files.createTempDirectory("abuse-suite-");
        platform = new Platform(Platform.Settings.onFreePorts(PlatformClient.REPO, dataDir, adminToken)).start();
        client = new PlatformClient(platform, adminToken);
        abuserToken = client.createLearner("{\"id\":\"" + ABUSER + "\",\"timezone\":\"UTC\"}");
        bystanderToken = client.createLearner("{\"id\":\"" + BYSTANDER + "\",\"timezone\":\"UTC\"}");
        // The bystander's first edit, so that later ones measure the apply path, not a cold start.
        bystanderEditIsVisibleWithinTwoSeconds();
    }

    @AfterAll
    void stopPlatform() throws Exception {
        Path out = PlatformClient.REPO.resolve("system-tests/target/abuse-suite.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, report);
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    @Order(1)
    void aTaskWithAHundredThousandTrailingDotsIsAnsweredQuicklyAndDelaysNoOne() throws Exception {
        String note = "# Dots\n- [x] Watch http://x" + ".".repeat(100_000) + "y\n";
        Instant sent = Instant.now();
        HttpResponse<String> answer = send(HttpRequest.newBuilder(noteUri(ABUSER, "Daily/dots.md"))
                .header("Authorization", "Bearer " + abuserToken)
                .header("Content-Type", "text/markdown")
                .PUT(HttpRequest.BodyPublishers.ofString(note)));
        Duration took = Duration.between(sent, Instant.now());

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        Duration delay = bystanderEditIsVisibleWithinTwoSeconds();
        record("task with 100,000 trailing dots (PUT)", answer, took, delay);
    }

    @Test
    @Order(2)
    void aYamlAliasBombInFrontMatterIsAWarningNotAnOutOfMemoryError() throws Exception {
        StringBuilder yaml = new StringBuilder("---\na0: &a0 [x, x, x]\n");
        for (int level = 1; level <= 15; level++) {
            yaml.append("a").append(level).append(": &a").append(level)
                    .append(" [*a").append(level - 1).append(", *a").append(level - 1).append(", *a").append(level - 1).append("]\n");
        }
        yaml.append("tags: *a15\n---\n# 2026-11-02\n- [x] Watch [Lesson 1](https://course.fast.ai/Lessons/lesson1.html)\n");
        Instant sent = Instant.now();
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(platform.ingest().url() + "/v1/parse?path=Daily/bomb.md"))
                .header("Authorization", "Bearer " + abuserToken)
                .header("Content-Type", "text/markdown")
                .POST(HttpRequest.BodyPublishers.ofString(yaml.toString())));
        Duration took = Duration.between(sent, Instant.now());

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode note = PlatformClient.JSON.readTree(answer.body());
        assertThat(note.path("warnings").toString()).as("the warnings say the front matter was not read").contains("front matter");
        assertThat(note.path("tasks")).as("the body is still read").hasSize(1);
        Duration delay = bystanderEditIsVisibleWithinTwoSeconds();
        record("YAML alias bomb, 15 levels (POST /v1/parse)", answer, took, delay);
    }

    @Test
    @Order(3)
    void twoVaultsOfTwoHundredMebibytesInflatedAtOnceAreBothStored() throws Exception {
        byte[] vault = compressibleVault(200, 1024 * 1024);
        // Two learners, so that both vaults' notes are parsed and stored, none found unchanged.
        String second = "abuser-2";
        String secondToken = client.createLearner("{\"id\":\"" + second + "\",\"timezone\":\"UTC\"}");
        Instant sent = Instant.now();
        CompletableFuture<HttpResponse<String>> firstVault = uploadVault(ABUSER, abuserToken, vault);
        CompletableFuture<HttpResponse<String>> secondVault = uploadVault(second, secondToken, vault);
        List<HttpResponse<String>> answers = List.of(firstVault.get(), secondVault.get());
        Duration took = Duration.between(sent, Instant.now());

        for (HttpResponse<String> answer : answers) {
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
            JsonNode result = PlatformClient.JSON.readTree(answer.body());
            assertThat(result.path("accepted").asInt()).as("every note of the vault is stored: " + answer.body()).isEqualTo(200);
            assertThat(result.path("rejected")).as(answer.body()).isEmpty();
        }
        Duration delay = bystanderEditIsVisibleWithinTwoSeconds();
        record("two vaults at once, 200 notes of 1 MiB each (%d KiB zipped)".formatted(vault.length / 1024),
                answers.get(0), took, delay);
    }

    @Test
    @Order(4)
    void anAsOfOutsideTheCalendarIsA400OnEveryDatedRead() throws Exception {
        for (String read : List.of("/dashboard?asOf=-999999999-01-01", "/calendar?asOf=-999999999-01-01",
                "/streak?asOf=-999999999-01-01", "/dashboard?asOf=%2B999999999-12-31", "/calendar?from=-999999999-01-01")) {
            Instant sent = Instant.now();
            HttpResponse<String> answer = client.getTracker("/v1/learners/" + ABUSER + read, abuserToken);
            Duration took = Duration.between(sent, Instant.now());
            assertThat(answer.statusCode()).as(read + ": " + answer.body()).isEqualTo(400);
            Duration delay = bystanderEditIsVisibleWithinTwoSeconds();
            record("GET " + read, answer, took, delay);
        }
    }

    /** Saves a new note of the bystander's, checking a new lesson's video, and waits until their progress shows it. */
    private Duration bystanderEditIsVisibleWithinTwoSeconds() throws Exception {
        int lesson = 1 + bystanderEdits % 8;
        LocalDate day = LocalDate.of(2026, 11, 1).plusDays(bystanderEdits++);
        String note = "# " + day + "\n- [x] Watch [Lesson " + lesson + "](https://course.fast.ai/Lessons/lesson" + lesson + ".html)\n"
                + "## Studied\n- edit " + bystanderEdits + "\n";
        int activeBefore = bystanderEdits - 1;
        HttpResponse<String> saved = client.putNote(BYSTANDER, bystanderToken, "Daily/" + day + ".md", note);
        Instant acceptedAt = Instant.now();
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(202);
        client.awaitLearner(BYSTANDER, bystanderToken, "/calendar?from=2026-11-01&to=2026-11-30&asOf=2026-11-30",
                calendar -> activeDays(calendar) > activeBefore, BYSTANDER_LIMIT);
        return Duration.between(acceptedAt, Instant.now());
    }

    private static int activeDays(JsonNode calendar) {
        int active = 0;
        for (JsonNode day : calendar) {
            if (day.path("active").asBoolean()) {
                active++;
            }
        }
        return active;
    }

    private void record(String abuse, HttpResponse<String> answer, Duration took, Duration bystanderDelay) throws IOException {
        for (ServiceProcess service : List.of(platform.ingest(), platform.progress(), platform.tracker())) {
            assertThat(service.isAlive()).as(service.name() + " is alive").isTrue();
            assertThat(Files.readString(service.logFile())).as(service.name() + "'s log").doesNotContain("OutOfMemoryError");
        }
        String line = "%s | %d %s | %d ms | %d ms | peak RSS ingest %d MiB, progress %d MiB, tracker %d MiB".formatted(
                abuse, answer.statusCode(), firstWords(answer.body()), took.toMillis(), bystanderDelay.toMillis(),
                peakRssMiB(platform.ingest()), peakRssMiB(platform.progress()), peakRssMiB(platform.tracker()));
        System.out.println("abuse: " + line);
        report.add(line);
    }

    private static String firstWords(String body) {
        String oneLine = body.replaceAll("\\s+", " ");
        return oneLine.length() <= 120 ? oneLine : oneLine.substring(0, 120) + "…";
    }

    /** The service's resident set high-water mark since it started (Linux {@code VmHWM}). */
    private static long peakRssMiB(ServiceProcess service) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + service.pid() + "/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }

    private CompletableFuture<HttpResponse<String>> uploadVault(String learner, String token, byte[] zip) {
        return http.sendAsync(HttpRequest.newBuilder(URI.create(platform.ingest().url() + "/v1/learners/" + learner + "/vault"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/zip")
                .timeout(ABUSE_TIMEOUT.multipliedBy(4))
                .POST(HttpRequest.BodyPublishers.ofByteArray(zip)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** {@code notes} notes of {@code size} bytes each: ordinary study lines repeated, which a zip shrinks a thousandfold. */
    private static byte[] compressibleVault(int notes, int size) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < notes; i++) {
                zip.putNextEntry(new ZipEntry("Big/note-" + i + ".md"));
                byte[] line = ("studied the chain rule again, note " + i + "\n").getBytes(StandardCharsets.UTF_8);
                StringBuilder body = new StringBuilder("# Big note " + i + "\n## Studied\n");
                while (body.length() + line.length < size) {
                    body.append(new String(line, StandardCharsets.UTF_8));
                }
                zip.write(body.toString().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(ABUSE_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI noteUri(String learner, String notePath) {
        return URI.create(platform.ingest().url() + "/v1/learners/" + learner + "/notes/" + notePath);
    }
}
