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
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** Boots ingest-service against a real Kafka broker and PostgreSQL and uploads zipped vaults. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "ingest"))
class VaultUploadTest {
    private static final String NOTE = """
            # 2026-04-02, Thursday
            ## 🎯 Goals for Today
            - [x] Watch [Lesson 2](https://course.fast.ai/Lessons/lesson2.html)
            """;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ObjectMapper json;

    @Inject
    NoteHeadRepository heads;

    @Inject
    VaultUpload vaults;

    @TestHTTPResource
    URL testUrl;

    String learner;
    String token;

    @BeforeEach
    void registerLearner() throws IOException {
        learner = "vault-" + UUID.randomUUID().toString().substring(0, 8);
        token = Tokens.newToken();
        try (TopicClient kafka = new TopicClient(bootstrapServers)) {
            kafka.send(Topics.LEARNERS, learner, json.writeValueAsString(new LearnerRegistered(UUID.randomUUID(), Instant.now(),
                    1, learner, "Vault Learner", "UTC", List.of("fastai-part1-2022"), 0, Tokens.sha256(token))));
        }
    }

    @Test
    void everyMarkdownNoteCountsHiddenFoldersAndOtherFilesAreSkippedAndBadNotesAreNamed() throws IOException {
        Map<String, byte[]> vault = new LinkedHashMap<>();
        vault.put("Daily/2026-04-02.md", NOTE.getBytes(StandardCharsets.UTF_8));
        vault.put("Daily/2026-04-03.md", NOTE.replace("04-02, Thursday", "04-03, Friday").getBytes(StandardCharsets.UTF_8));
        vault.put(".obsidian/workspace.md", "# settings".getBytes(StandardCharsets.UTF_8));
        vault.put(".trash/2026-01-01.md", NOTE.getBytes(StandardCharsets.UTF_8));
        vault.put("assets/diagram.png", new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        vault.put("Daily/broken.md", new byte[] {'#', ' ', (byte) 0xFF});
        vault.put("../outside.md", NOTE.getBytes(StandardCharsets.UTF_8));

        upload(zip(vault), false).then().statusCode(202)
                .body("accepted", equalTo(2))
                .body("unchanged", equalTo(0))
                .body("rejected", hasSize(2))
                .body("rejected.find { it.path == 'Daily/broken.md' }.error", containsString("offset 2"))
                .body("rejected.find { it.path == '../outside.md' }.error", containsString("inside the vault"));
        assertThat(heads.livePaths(learner)).containsExactlyInAnyOrder("Daily/2026-04-02.md", "Daily/2026-04-03.md");

        upload(zip(vault), false).then().statusCode(202).body("accepted", equalTo(0)).body("unchanged", equalTo(2));
    }

    @Test
    void mirrorDeletesNotesTheVaultNoLongerHasAndWithoutItTheyAreLeftAlone() throws IOException {
        upload(zip(Map.of("Daily/2026-04-02.md", NOTE.getBytes(StandardCharsets.UTF_8),
                "Daily/2026-04-03.md", NOTE.getBytes(StandardCharsets.UTF_8))), false).then().statusCode(202);
        byte[] smaller = zip(Map.of("Daily/2026-04-02.md", NOTE.getBytes(StandardCharsets.UTF_8)));

        upload(smaller, false).then().statusCode(202).body("deleted", equalTo(0));
        assertThat(heads.livePaths(learner)).hasSize(2);

        upload(smaller, true).then().statusCode(202).body("deleted", equalTo(1)).body("unchanged", equalTo(1));
        assertThat(heads.livePaths(learner)).containsExactly("Daily/2026-04-02.md");
    }

    @Test
    void aZipBombIsRefusedWholeAndStoresNothing() throws IOException {
        // 300 MiB of zeros compresses to well under a megabyte; the cap is on what is inflated.
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("Daily/2026-04-02.md"));
            zip.write(NOTE.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("assets/zeros.bin"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 300; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        upload(bytes.toByteArray(), false).then().statusCode(413).body("error", equalTo("vault too large"));
        assertThat(heads.livePaths(learner)).isEmpty();
    }

    @Test
    void aBodyThatIsNotAZipIsA400AndAnotherLearnersTokenA403() throws IOException {
        upload("not a zip".getBytes(StandardCharsets.UTF_8), false).then().statusCode(400).body("error", equalTo("invalid zip"));
        given().header("Authorization", "Bearer " + token).contentType("application/zip")
                .body(zip(Map.of("a.md", NOTE.getBytes(StandardCharsets.UTF_8))))
                .post("/v1/learners/{learner}/vault", "someone-else").then().statusCode(403);
    }

    @Test
    void aVaultWhoseBodyIsStillArrivingHoldsNoStoringSlot() throws Exception {
        // As many slow clients as there are storing slots (leaving one receiving turn for the whole
        // vault below), each stopped halfway through a body larger than the REST layer buffers before
        // it calls the resource (10 KiB), so that the upload has begun when the client stops.
        List<SlowUpload> slow = new ArrayList<>();
        Random random = new Random(42);
        for (int i = 0; i < Math.min(vaults.storingSlots(), vaults.receivingSlots() - 1); i++) {
            LocalDate day = LocalDate.of(2026, 4, 10).plusDays(i);
            byte[] picture = new byte[64 * 1024];
            random.nextBytes(picture);
            Map<String, byte[]> vault = new LinkedHashMap<>();
            vault.put("Slow/" + day + ".md", NOTE.replace("2026-04-02", day.toString()).getBytes(StandardCharsets.UTF_8));
            vault.put("assets/picture-" + i + ".png", picture);
            slow.add(SlowUpload.start(testUrl, learner, token, zip(vault)));
        }
        assertThat(slow).isNotEmpty();
        try {
            // A whole vault sent meanwhile is stored and answered; it would wait forever if the slow bodies held the slots.
            CompletableFuture<Integer> whole = CompletableFuture.supplyAsync(() -> {
                try {
                    return upload(zip(Map.of("Daily/2026-04-02.md", NOTE.getBytes(StandardCharsets.UTF_8))), false).statusCode();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            assertThat(whole.get(30, TimeUnit.SECONDS)).as("the whole vault's answer").isEqualTo(202);
            assertThat(heads.livePaths(learner)).containsExactly("Daily/2026-04-02.md");
        } finally {
            for (SlowUpload upload : slow) {
                upload.finish();
            }
        }
        for (SlowUpload upload : slow) {
            assertThat(upload.status()).isEqualTo(202);
        }
        assertThat(heads.livePaths(learner)).hasSize(1 + slow.size());
    }

    /** A vault upload over a raw socket that sends its headers and half its body, then waits for {@link #finish()}. */
    private static final class SlowUpload {
        private final Socket socket;
        private final byte[] rest;
        private boolean finished;

        private SlowUpload(Socket socket, byte[] rest) {
            this.socket = socket;
            this.rest = rest;
        }

        static SlowUpload start(URL server, String learner, String token, byte[] zip) throws IOException {
            Socket socket = new Socket(server.getHost(), server.getPort());
            socket.setSoTimeout(30_000);
            String head = "POST /v1/learners/" + learner + "/vault HTTP/1.1\r\n"
                    + "Host: " + server.getHost() + ":" + server.getPort() + "\r\n"
                    + "Authorization: Bearer " + token + "\r\n"
                    + "Content-Type: application/zip\r\n"
                    + "Content-Length: " + zip.length + "\r\n"
                    + "Connection: close\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(zip, 0, zip.length / 2);
            out.flush();
            return new SlowUpload(socket, Arrays.copyOfRange(zip, zip.length / 2, zip.length));
        }

        void finish() throws IOException {
            if (!finished) {
                finished = true;
                socket.getOutputStream().write(rest);
                socket.getOutputStream().flush();
            }
        }

        /** The answer's status code. */
        int status() throws IOException {
            try (socket; BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))) {
                String statusLine = in.readLine();
                assertThat(statusLine).startsWith("HTTP/1.1 ");
                return Integer.parseInt(statusLine.split(" ")[1]);
            }
        }
    }

    private io.restassured.response.Response upload(byte[] zip, boolean mirror) {
        return given().header("Authorization", "Bearer " + token).contentType("application/zip").body(zip)
                .queryParam("mirror", mirror)
                .post("/v1/learners/{learner}/vault", learner);
    }

    private static byte[] zip(Map<String, byte[]> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
