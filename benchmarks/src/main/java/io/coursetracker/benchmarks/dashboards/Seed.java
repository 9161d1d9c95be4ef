package io.coursetracker.benchmarks.dashboards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The benchmark's learners and what it wrote for them, kept in {@code seed.json} in the data
 * directory so a later run on the same directory skips seeding (the tokens are shown only once).
 */
final class Seed {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String TEAM = "bench-team";
    static final String OWNER = "bench-lead";
    private static final String[] ZONES = {"UTC", "Europe/Berlin", "America/New_York", "Asia/Tokyo", "Europe/London"};

    /** A learner the benchmark wrote notes for: how many days, notes per day and revisions per note. */
    record Learner(String id, String token, int activeDays, int notesPerDay, int revisions) {
    }

    final String adminToken;
    final LocalDate end;
    String ownerToken;
    final Map<String, Learner> members = new LinkedHashMap<>();
    final Map<String, Learner> streakShapes = new LinkedHashMap<>();

    Seed(String adminToken, LocalDate end) {
        this.adminToken = adminToken;
        this.end = end;
    }

    static Seed read(Path file) throws IOException {
        JsonNode root = JSON.readTree(file.toFile());
        Seed seed = new Seed(root.path("adminToken").asText(), LocalDate.parse(root.path("end").asText()));
        seed.ownerToken = root.path("ownerToken").asText();
        for (JsonNode l : root.path("members")) {
            Learner learner = JSON.treeToValue(l, Learner.class);
            seed.members.put(learner.id(), learner);
        }
        for (JsonNode l : root.path("streakShapes")) {
            Learner learner = JSON.treeToValue(l, Learner.class);
            seed.streakShapes.put(learner.id(), learner);
        }
        return seed;
    }

    void write(Path file) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("adminToken", adminToken);
        root.put("end", end.toString());
        root.put("ownerToken", ownerToken);
        root.set("members", JSON.valueToTree(members.values()));
        root.set("streakShapes", JSON.valueToTree(streakShapes.values()));
        JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), root);
    }

    /** Registers the team's owner and members and the streak-cost learners, uploads their vaults, builds the team. */
    static Seed create(String adminToken, LocalDate end, int memberCount, int days, String trackerUrl, String ingestUrl,
                       String ingestJdbc, String progressJdbc, int threads) throws Exception {
        Seed seed = new Seed(adminToken, end);
        Client client = new Client(trackerUrl, ingestUrl, adminToken);
        seed.ownerToken = client.register(OWNER, "UTC", 0);
        for (int i = 0; i < memberCount; i++) {
            String id = String.format("bench-%02d", i);
            seed.members.put(id, new Learner(id, client.register(id, ZONES[i % ZONES.length], i % 3), days, 1, 1));
        }
        // Same number of active days, more notes or more revisions; and more active days: the streak-cost learners.
        int[][] shapes = {{100, 1, 1}, {365, 1, 1}, {1095, 1, 1}, {365, 5, 1}, {365, 1, 10}};
        for (int[] shape : shapes) {
            String id = "streak-" + shape[0] + "d-" + shape[1] + "n-" + shape[2] + "r";
            seed.streakShapes.put(id, new Learner(id, client.register(id, "UTC", 0), shape[0], shape[1], shape[2]));
        }
        client.createTeam(TEAM, OWNER, seed.members.keySet());

        Instant started = Instant.now();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Integer>> uploads = new ArrayList<>();
        // An interrupted seeding on this directory may have uploaded some learners whole already.
        Map<String, long[]> accepted = revisions(ingestJdbc, "note_head");
        int n = 0;
        for (Learner learner : concat(seed.members.values(), seed.streakShapes.values())) {
            long randomSeed = 1000L + n;
            boolean broken = n % 4 == 1;
            int pace = 20 + 13 * (n % 7);
            n++;
            long[] done = accepted.getOrDefault(learner.id(), new long[]{0, 0});
            long notes = (long) learner.activeDays() * learner.notesPerDay();
            if (done[0] >= notes && done[1] >= notes * learner.revisions()) {
                continue;
            }
            uploads.add(pool.submit(() -> client.uploadVault(learner, end, randomSeed, broken, pace)));
        }
        long notes = 0;
        for (Future<Integer> upload : uploads) {
            notes += upload.get();
        }
        pool.shutdown();
        System.out.printf("seeded: %d note revisions uploaded in %d s%n", notes, Duration.between(started, Instant.now()).toSeconds());
        seed.awaitApplied(ingestJdbc, progressJdbc, client, Duration.ofMinutes(90));
        System.out.printf("progress-service applied them all %d s after the first upload%n", Duration.between(started, Instant.now()).toSeconds());
        return seed;
    }

    List<Learner> all() {
        return concat(members.values(), streakShapes.values());
    }

    private static List<Learner> concat(java.util.Collection<Learner> a, java.util.Collection<Learner> b) {
        List<Learner> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /**
     * Waits until progress-service has applied, for every learner, each note at the revision
     * ingest-service holds (ingest's note_head against progress's note, both read directly), and
     * every learner has the notes written for them.
     */
    void awaitApplied(String ingestJdbc, String progressJdbc, Client client, Duration limit) throws Exception {
        Instant deadline = Instant.now().plus(limit);
        long lastReport = 0;
        long lastMissing = -1;
        Instant lastChange = Instant.now();
        while (true) {
            Map<String, long[]> accepted = revisions(ingestJdbc, "note_head");
            Map<String, long[]> applied = revisions(progressJdbc, "note");
            long missing = 0;
            for (Learner learner : all()) {
                long[] in = accepted.getOrDefault(learner.id(), new long[]{0, 0});
                long[] out = applied.getOrDefault(learner.id(), new long[]{0, 0});
                if (in[0] < (long) learner.activeDays() * learner.notesPerDay()) {
                    throw new IllegalStateException(learner.id() + " has only " + in[0] + " notes in ingest-service");
                }
                missing += Math.max(0, in[1] - out[1]);
            }
            if (missing == 0) {
                return;
            }
            if (missing != lastMissing) {
                lastMissing = missing;
                lastChange = Instant.now();
            } else if (Duration.between(lastChange, Instant.now()).toSeconds() >= 90) {
                resend(ingestJdbc, progressJdbc, client);
                lastChange = Instant.now();
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("progress-service has not applied " + missing + " revisions within " + limit);
            }
            if (System.currentTimeMillis() - lastReport > 15_000) {
                System.out.printf("  waiting for progress-service: %d revisions to apply%n", missing);
                lastReport = System.currentTimeMillis();
            }
            Thread.sleep(1000);
        }
    }

    /**
     * Notes ingest-service accepted (2xx) that progress-service has not applied after 90 s without
     * progress: a defect of the write side, seen while seeding (reported with the figures). Each is
     * sent again with one more line at its end, so ingest takes it as a new revision and publishes it.
     */
    private void resend(String ingestJdbc, String progressJdbc, Client client) throws Exception {
        Map<String, Long> applied = new LinkedHashMap<>();
        try (Connection db = DriverManager.getConnection(progressJdbc, "postgres", "postgres");
             PreparedStatement query = db.prepareStatement("SELECT learner_id, note_path, revision FROM note");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                applied.put(rows.getString(1) + "\u0000" + rows.getString(2), rows.getLong(3));
            }
        }
        int resent = 0;
        try (Connection db = DriverManager.getConnection(ingestJdbc, "postgres", "postgres");
             PreparedStatement query = db.prepareStatement("SELECT h.learner_id, h.note_path, h.revision, r.content FROM note_head h "
                     + "JOIN note_revision r USING (learner_id, note_path, revision) WHERE NOT h.deleted");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                String learnerId = rows.getString(1);
                String path = rows.getString(2);
                if (applied.getOrDefault(learnerId + "\u0000" + path, 0L) >= rows.getLong(3)) {
                    continue;
                }
                Learner learner = all().stream().filter(l -> l.id().equals(learnerId)).findFirst().orElseThrow();
                byte[] content = rows.getBytes(4);
                byte[] changed = java.util.Arrays.copyOf(content, content.length + 1);
                changed[content.length] = '\n';
                client.putNote(learner, path, changed);
                resent++;
            }
        }
        System.out.printf("  WARNING: %d notes accepted by ingest-service never reached progress-service; sent again as a new revision%n", resent);
    }

    /** Per learner: live notes and the sum of their revision numbers. */
    static Map<String, long[]> revisions(String jdbc, String table) throws Exception {
        Map<String, long[]> seen = new LinkedHashMap<>();
        try (Connection db = DriverManager.getConnection(jdbc, "postgres", "postgres");
             PreparedStatement query = db.prepareStatement(
                     "SELECT learner_id, count(*), sum(revision) FROM " + table + " WHERE NOT deleted GROUP BY learner_id");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                seen.put(rows.getString(1), new long[]{rows.getLong(2), rows.getLong(3)});
            }
        }
        return seen;
    }

    /** HTTP calls of the seeding: tracker-api as the admin, ingest-service as each learner. */
    static final class Client {
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        private final String trackerUrl;
        private final String ingestUrl;
        private final String adminToken;

        Client(String trackerUrl, String ingestUrl, String adminToken) {
            this.trackerUrl = trackerUrl;
            this.ingestUrl = ingestUrl;
            this.adminToken = adminToken;
        }

        String register(String id, String zone, int restDays) throws Exception {
            String body = "{\"id\":\"" + id + "\",\"displayName\":\"" + id + "\",\"timezone\":\"" + zone
                    + "\",\"courses\":[\"fastai-part1-2022\"],\"restDaysPerWeek\":" + restDays + "}";
            HttpResponse<String> created = send("POST", trackerUrl + "/v1/learners", adminToken, "application/json",
                    body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            if (created.statusCode() == 409) {
                // Registered by an interrupted seeding on this data directory: its token was never saved; get a new one.
                created = send("POST", trackerUrl + "/v1/learners/" + id + "/token", adminToken, null, null);
                expect(created, 200);
            } else {
                expect(created, 201);
            }
            return JSON.readTree(created.body()).path("token").asText();
        }

        void createTeam(String team, String owner, Iterable<String> members) throws Exception {
            HttpResponse<String> created = send("POST", trackerUrl + "/v1/teams", adminToken, "application/json",
                    ("{\"id\":\"" + team + "\",\"name\":\"Benchmark study group\",\"course\":\"fastai-part1-2022\",\"owner\":\"" + owner + "\"}")
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            if (created.statusCode() != 409) { // 409: made by an interrupted seeding; adding members again changes nothing
                expect(created, 201);
            }
            for (String member : members) {
                expect(send("PUT", trackerUrl + "/v1/teams/" + team + "/members/" + member, adminToken, null, null), 204);
            }
        }

        /**
         * Uploads the learner's notes as zipped vaults, a year of days per zip, once per revision
         * (each revision changes the text, so each is a new revision). Returns the revisions sent.
         */
        int uploadVault(Learner learner, LocalDate end, long randomSeed, boolean broken, int pace) throws Exception {
            int sent = 0;
            for (int revision = 1; revision <= learner.revisions(); revision++) {
                NoteGenerator notes = new NoteGenerator(randomSeed, broken, pace);
                LocalDate first = end.minusDays(learner.activeDays() - 1L);
                for (int from = 0; from < learner.activeDays(); from += 365) {
                    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
                        for (int d = from; d < Math.min(from + 365, learner.activeDays()); d++) {
                            LocalDate day = first.plusDays(d);
                            for (int k = 0; k < learner.notesPerDay(); k++) {
                                // Every day active: the streak-cost shapes differ only in what they vary.
                                boolean active = learner.id().startsWith("streak-") || d % 23 != 7;
                                zip.putNextEntry(new ZipEntry("vault/" + NoteGenerator.dailyPath(day, k)));
                                zip.write(notes.note(day, d, active, revision));
                                zip.closeEntry();
                                sent++;
                            }
                        }
                    }
                    HttpResponse<String> answer = send("POST", ingestUrl + "/v1/learners/" + learner.id() + "/vault", learner.token(),
                            "application/zip", bytes.toByteArray());
                    expect(answer, 202);
                    JsonNode counts = JSON.readTree(answer.body());
                    if (counts.path("rejected").size() > 0) {
                        throw new IllegalStateException("ingest rejected notes of " + learner.id() + ": " + counts.path("rejected"));
                    }
                }
            }
            return sent;
        }

        void putNote(Learner learner, String path, byte[] content) throws Exception {
            List<String> segments = new ArrayList<>();
            for (String segment : path.split("/")) {
                segments.add(java.net.URLEncoder.encode(segment, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"));
            }
            HttpResponse<String> answer = send("PUT", ingestUrl + "/v1/learners/" + learner.id() + "/notes/" + String.join("/", segments),
                    learner.token(), "text/markdown", content);
            expect(answer, 202);
        }

        HttpResponse<String> send(String method, String url, String token, String contentType, byte[] body) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(5))
                    .header("Authorization", "Bearer " + token)
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        private static void expect(HttpResponse<String> response, int status) {
            if (response.statusCode() != status) {
                throw new IllegalStateException(response.request().method() + " " + response.request().uri() + " answered "
                        + response.statusCode() + ": " + response.body());
            }
        }
    }

    static Seed readIfPresent(Path dataDir) throws IOException {
        Path file = dataDir.resolve("seed.json");
        return Files.isRegularFile(file) ? read(file) : null;
    }
}
