package io.coursetracker.system.security;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint of the three packaged services, called with no token, an unknown token, another
 * learner's token, the learner's own and the admin's: each answers the status of SPEC section 5, and
 * every refusal is JSON {@code {"error","detail"}}. Then bad input (SPEC section 6) to each: a 4xx
 * naming the problem, nothing changed. Finally no token appears in any service's log.
 *
 * <p>To add endpoints, add rows to {@link #ENDPOINTS}: {@code {learner}} is the subject
 * learner, {@code {fresh}} a learner created for that one call (for calls that change the token or
 * erase), {@code {invitee}} a learner created for that one call whom the caller does not become,
 * {@code {caller}} the caller's name (so each caller writes its own note), {@code {new}} a new unique id.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccessMatrixIT {
    enum Service { TRACKER, INGEST, PROGRESS }

    /**
     * Who calls. On a learner's endpoints OWN is that learner (mia), OTHER another learner (noah) and
     * MEMBER a learner who shares a team with her (zoe): a teammate reads nothing of hers. On a team's
     * endpoints OWN is the team's owner (mia), MEMBER a member (zoe), OTHER a team outsider (noah).
     */
    enum Caller { NONE, UNKNOWN, OTHER, MEMBER, OWN, ADMIN }

    /** One endpoint and what each caller gets; {@code SKIP} where a caller makes no sense. */
    record Endpoint(Service service, String method, String path, String contentType, String body,
                    int none, int unknown, int other, int own, int admin, int member) {
        /** A learner's endpoint: a teammate gets what any other learner gets. */
        Endpoint(Service service, String method, String path, String contentType, String body,
                 int none, int unknown, int other, int own, int admin) {
            this(service, method, path, contentType, body, none, unknown, other, own, admin, other);
        }

        int expected(Caller caller) {
            return switch (caller) {
                case NONE -> none;
                case UNKNOWN -> unknown;
                case OTHER -> other;
                case MEMBER -> member;
                case OWN -> own;
                case ADMIN -> admin;
            };
        }

        @Override
        public String toString() {
            return service + " " + method + " " + path;
        }
    }

    static final int SKIP = -1;
    static final String MD = "text/markdown";
    static final String JSON_TYPE = "application/json";
    static final String NOTE = "# 2026-11-24\n## Goals for Today\n- [x] Watch the [Lesson 1 video](https://course.fast.ai/Lessons/lesson1.html)\n";
    static final String CATALOG = "{\"id\":\"matrix-course\",\"title\":\"Matrix\",\"lessons\":[{\"number\":1,\"title\":\"One\",\"url\":\"https://example.org/1\"}]}";
    static final String ZIP = "<zip>";

    static final List<Endpoint> ENDPOINTS = List.of(
            // tracker-api
            new Endpoint(Service.TRACKER, "POST", "/v1/learners", JSON_TYPE, "{\"id\":\"{new}\"}", 401, 401, 403, 403, 201),
            new Endpoint(Service.TRACKER, "PATCH", "/v1/learners/{learner}", JSON_TYPE, "{\"displayName\":\"Mia M\"}", 401, 401, 403, 200, 200),
            new Endpoint(Service.TRACKER, "POST", "/v1/learners/{fresh}/token", null, null, 401, 401, 403, 200, 200),
            new Endpoint(Service.TRACKER, "DELETE", "/v1/learners/{fresh}", null, null, 401, 401, 403, 204, 204),
            new Endpoint(Service.TRACKER, "GET", "/v1/learners/{learner}/progress", null, null, 401, 401, 403, 200, 200),
            new Endpoint(Service.TRACKER, "GET", "/v1/learners/{learner}/streak?asOf=2026-11-24", null, null, 401, 401, 403, 200, 200),
            new Endpoint(Service.TRACKER, "GET", "/v1/learners/{learner}/calendar?from=2026-11-01&to=2026-11-24", null, null, 401, 401, 403, 200, 200),
            new Endpoint(Service.TRACKER, "GET", "/v1/learners/{learner}/questions?status=all", null, null, 401, 401, 403, 200, 200),
            new Endpoint(Service.TRACKER, "GET", "/v1/learners/{learner}/dashboard", null, null, 401, 401, 403, 200, 200),
            new Endpoint(Service.TRACKER, "GET", "/v1/courses", null, null, 401, 401, 200, 200, 200),
            new Endpoint(Service.TRACKER, "GET", "/v1/courses/fastai-part1-2022", null, null, 401, 401, 200, 200, 200),
            new Endpoint(Service.TRACKER, "PUT", "/v1/courses/matrix-course", JSON_TYPE, CATALOG, 401, 401, 403, 403, 201),
            // unknown learners and courses: the admin learns they do not exist, nobody else does
            new Endpoint(Service.TRACKER, "GET", "/v1/learners/ghost/progress", null, null, 401, 401, SKIP, 403, 404),
            new Endpoint(Service.TRACKER, "PATCH", "/v1/learners/ghost", JSON_TYPE, "{\"displayName\":\"G\"}", 401, 401, SKIP, 403, 404),
            new Endpoint(Service.TRACKER, "POST", "/v1/learners/ghost/token", null, null, 401, 401, SKIP, 403, 404),
            new Endpoint(Service.TRACKER, "DELETE", "/v1/learners/ghost", null, null, 401, 401, SKIP, 403, 404),
            new Endpoint(Service.TRACKER, "GET", "/v1/courses/ghost-course", null, null, 401, 401, SKIP, 404, 404),
            // teams: matrix-team is owned by mia, zoe is its member, noah an outsider
            new Endpoint(Service.TRACKER, "POST", "/v1/teams", JSON_TYPE,
                    "{\"id\":\"{new}\",\"name\":\"T\",\"course\":\"fastai-part1-2022\",\"owner\":\"mia\"}", 401, 401, 403, 403, 201, 403),
            new Endpoint(Service.TRACKER, "GET", "/v1/teams", null, null, 401, 401, 200, 200, 200, 200),
            new Endpoint(Service.TRACKER, "GET", "/v1/teams/matrix-team", null, null, 401, 401, 403, 200, 200, 200),
            new Endpoint(Service.TRACKER, "GET", "/v1/teams/matrix-team/dashboard?asOf=2026-11-24", null, null, 401, 401, 403, 200, 200, 200),
            new Endpoint(Service.TRACKER, "PUT", "/v1/teams/matrix-team/members/{invitee}", null, null, 401, 401, 403, 202, 204, 403),
            new Endpoint(Service.TRACKER, "POST", "/v1/teams/matrix-team/invitations/accept", null, null, 401, 401, 403, 403, 403, SKIP),
            new Endpoint(Service.TRACKER, "DELETE", "/v1/teams/matrix-team/members/zoe", null, null, 401, 401, 403, SKIP, SKIP, SKIP),
            // an unknown team: only the admin learns it does not exist
            new Endpoint(Service.TRACKER, "GET", "/v1/teams/ghost-team/dashboard", null, null, 401, 401, 403, 403, 404, 403),
            new Endpoint(Service.TRACKER, "PUT", "/v1/teams/ghost-team/members/zoe", null, null, 401, 401, 403, 403, 404, 403),
            // ingest-service
            new Endpoint(Service.INGEST, "PUT", "/v1/learners/{learner}/notes/Matrix/{caller}.md", MD, NOTE, 401, 401, 403, 202, 202),
            new Endpoint(Service.INGEST, "DELETE", "/v1/learners/{learner}/notes/Matrix/del-{caller}.md", null, null, 401, 401, 403, 202, 202),
            new Endpoint(Service.INGEST, "POST", "/v1/learners/{learner}/vault", "application/zip", ZIP, 401, 401, 403, 202, 202),
            new Endpoint(Service.INGEST, "POST", "/v1/parse?path=Daily/x.md", MD, NOTE, 401, 401, 200, 200, 200),
            new Endpoint(Service.INGEST, "PUT", "/v1/learners/ghost/notes/a.md", MD, NOTE, 401, 401, SKIP, 403, 404),
            new Endpoint(Service.INGEST, "POST", "/v1/learners/ghost/vault", "application/zip", ZIP, 401, 401, SKIP, 403, 404),
            // progress-service
            new Endpoint(Service.PROGRESS, "GET", "/v1/learners/{learner}/progress", null, null, 401, 401, 403, 200, 200),
            new Endpoint(Service.PROGRESS, "GET", "/v1/learners/{learner}/streak", null, null, 401, 401, 403, 200, 200),
            new Endpoint(Service.PROGRESS, "GET", "/v1/learners/{learner}/calendar", null, null, 401, 401, 403, 200, 200),
            new Endpoint(Service.PROGRESS, "GET", "/v1/learners/{learner}/questions", null, null, 401, 401, 403, 200, 200),
            new Endpoint(Service.PROGRESS, "GET", "/v1/learners/{learner}/dashboard", null, null, 401, 401, 403, 200, 200),
            new Endpoint(Service.PROGRESS, "GET", "/v1/learners/ghost/dashboard", null, null, 401, 401, SKIP, 403, 404));

    static SecurityPlatform p;
    static String mia;
    static String noah;
    static String zoe;
    static final AtomicInteger fresh = new AtomicInteger();

    @BeforeAll
    static void learners() {
        p = SecurityPlatform.get();
        mia = p.createLearner("mia");
        noah = p.createLearner("noah");
        zoe = p.createLearner("zoe");
        HttpResponse<String> team = p.send("POST", p.tracker() + "/v1/teams", p.adminToken, JSON_TYPE, HttpRequest.BodyPublishers.ofString(
                "{\"id\":\"matrix-team\",\"name\":\"Matrix team\",\"course\":\"fastai-part1-2022\",\"owner\":\"mia\"}"));
        assertThat(team.statusCode()).as(team.body()).isEqualTo(201);
        HttpResponse<String> member = p.send("PUT", p.tracker() + "/v1/teams/matrix-team/members/zoe", p.adminToken, null, null);
        assertThat(member.statusCode()).as(member.body()).isEqualTo(204);
        for (String caller : List.of("own", "admin")) {
            HttpResponse<String> put = p.send("PUT", p.ingest() + "/v1/learners/mia/notes/Matrix/del-" + caller + ".md", mia, MD,
                    HttpRequest.BodyPublishers.ofString(NOTE));
            assertThat(put.statusCode()).isEqualTo(202);
        }
    }

    @Test
    @Order(1)
    void everyEndpointAnswersEachCallerAsSectionFiveSays() {
        List<String> wrong = new ArrayList<>();
        for (Endpoint endpoint : ENDPOINTS) {
            for (Caller caller : Caller.values()) {
                int expected = endpoint.expected(caller);
                if (expected == SKIP) {
                    continue;
                }
                HttpResponse<String> response = call(endpoint, caller);
                if (response.statusCode() != expected) {
                    wrong.add(endpoint + " as " + caller + ": expected " + expected + ", got " + response.statusCode() + " " + response.body());
                } else if (expected >= 400) {
                    assertErrorBody(endpoint + " as " + caller, response);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    /** One bad request, what it must answer, and the word its error must hold. */
    record Bad(Service service, String method, String path, String contentType, byte[] body, int status, String error) {
        @Override
        public String toString() {
            return service + " " + method + " " + path + " (" + contentType + ")";
        }
    }

    static List<Bad> badInput() {
        byte[] invalidUtf8 = {'#', ' ', 'x', '\n', (byte) 0xC3, (byte) 0x28, 'a'};
        byte[] overMiB = new byte[1024 * 1024 + 1];
        Arrays.fill(overMiB, (byte) 'a');
        String notes = "/v1/learners/mia/notes/";
        return List.of(
                new Bad(Service.INGEST, "PUT", notes + "Daily/bad.md", MD, invalidUtf8, 422, "UTF-8"),
                new Bad(Service.INGEST, "PUT", notes + "Daily/big.md", MD, overMiB, 413, "too large"),
                new Bad(Service.INGEST, "POST", "/v1/parse?path=big.md", MD, overMiB, 413, "too large"),
                new Bad(Service.INGEST, "PUT", notes + "..%2Fescape.md", MD, bytes(NOTE), 400, "path"),
                // Vert.x resolves encoded dot segments before routing: this one no longer names a note endpoint.
                new Bad(Service.INGEST, "PUT", notes + "a/%2e%2e/%2e%2e/escape.md", MD, bytes(NOTE), 404, "no endpoint"),
                new Bad(Service.INGEST, "PUT", notes + "a%252e%252e/x.md", MD, bytes(NOTE), 400, "path"),
                new Bad(Service.INGEST, "PUT", notes + "%2Fetc%2Fpasswd.md", MD, bytes(NOTE), 400, "path"),
                new Bad(Service.INGEST, "PUT", notes + "a%5C..%5Cb.md", MD, bytes(NOTE), 400, "path"),
                new Bad(Service.INGEST, "PUT", notes + "a%00.md", MD, bytes(NOTE), 400, "path"),
                new Bad(Service.INGEST, "PUT", notes + "%C0%AE%C0%AE/x.md", MD, bytes(NOTE), 400, "path"),
                new Bad(Service.INGEST, "PUT", notes + "a".repeat(600) + ".md", MD, bytes(NOTE), 400, "path"),
                new Bad(Service.INGEST, "PUT", notes + "notes.txt", MD, bytes(NOTE), 400, "path"),
                new Bad(Service.INGEST, "PUT", notes + "Daily/x.md", JSON_TYPE, bytes("{}"), 415, "media type"),
                new Bad(Service.INGEST, "POST", "/v1/parse?path=..%2Fx.md", MD, bytes(NOTE), 400, "path"),
                new Bad(Service.INGEST, "POST", "/v1/learners/mia/vault", "application/zip", bytes("not a zip"), 400, "zip"),
                new Bad(Service.INGEST, "DELETE", notes + "never-written.md", null, null, 404, "note"),
                new Bad(Service.TRACKER, "POST", "/v1/learners", JSON_TYPE, bytes("{\"id\":"), 400, "JSON"),
                new Bad(Service.TRACKER, "POST", "/v1/learners", JSON_TYPE, bytes("{\"id\":\"x1\",\"restDaysPerWeek\":\"many\"}"), 400, "JSON"),
                new Bad(Service.TRACKER, "POST", "/v1/learners", JSON_TYPE, invalidUtf8, 400, "JSON"),
                new Bad(Service.TRACKER, "POST", "/v1/learners", "text/plain", bytes("{\"id\":\"x2\"}"), 415, "media type"),
                new Bad(Service.TRACKER, "POST", "/v1/learners", JSON_TYPE, bytes("{\"id\":\"x3\",\"courses\":[\"nope\"]}"), 404, "course"),
                new Bad(Service.TRACKER, "PATCH", "/v1/learners/mia", JSON_TYPE, bytes("[1,2"), 400, "JSON"),
                new Bad(Service.TRACKER, "PATCH", "/v1/learners/mia", JSON_TYPE, bytes("{\"courses\":[\"nope\"]}"), 400, "course"),
                new Bad(Service.TRACKER, "PATCH", "/v1/learners/mia", JSON_TYPE, bytes("{\"timezone\":\"Mars/Base\"}"), 400, "timezone"),
                new Bad(Service.TRACKER, "PUT", "/v1/courses/bad-course", JSON_TYPE, bytes("{\"id\":\"bad-course\""), 400, "catalog"),
                new Bad(Service.TRACKER, "PUT", "/v1/courses/bad-course", JSON_TYPE, bytes("{\"id\":\"bad-course\",\"title\":\"x\",\"lessons\":[]}"), 400, "catalog"),
                new Bad(Service.TRACKER, "GET", "/v1/learners/mia/streak?asOf=yesterday", null, null, 400, "asOf"),
                new Bad(Service.TRACKER, "GET", "/v1/learners/mia/calendar?from=2020-01-01&to=2026-01-01", null, null, 400, "366"),
                new Bad(Service.TRACKER, "GET", "/v1/learners/mia/calendar?from=2026-13-01", null, null, 400, "from"),
                new Bad(Service.PROGRESS, "GET", "/v1/learners/mia/dashboard?asOf=2026-02-30", null, null, 400, "asOf"),
                new Bad(Service.TRACKER, "GET", "/v1/nowhere", null, null, 404, "not found"),
                new Bad(Service.INGEST, "GET", "/v1/learners/mia/notes/a.md", null, null, 405, "not allowed"),
                new Bad(Service.PROGRESS, "POST", "/v1/learners/mia/progress", JSON_TYPE, bytes("{}"), 405, "not allowed"));
    }

    @Test
    @Order(2)
    void badInputIsAClearFourHundredAndChangesNothing() {
        JsonNode before = Snapshot.of(p, "mia", mia);
        List<String> wrong = new ArrayList<>();
        for (Bad bad : badInput()) {
            String token = bad.path().startsWith("/v1/courses") || bad.path().equals("/v1/learners") ? p.adminToken : mia;
            HttpResponse<String> response = p.send(bad.method(), url(bad.service()) + bad.path(), token, bad.contentType(),
                    bad.body() == null ? null : HttpRequest.BodyPublishers.ofByteArray(bad.body()));
            if (response.statusCode() != bad.status() || !response.body().toLowerCase().contains(bad.error().toLowerCase())) {
                wrong.add(bad + ": expected " + bad.status() + " naming '" + bad.error() + "', got " + response.statusCode() + " " + response.body());
            } else {
                assertErrorBody(bad.toString(), response);
            }
        }
        // A note over 1 MiB sent without a length (chunked) is refused as well, after 1 MiB + 1 byte at most.
        byte[] overMiB = new byte[1024 * 1024 + 1];
        Arrays.fill(overMiB, (byte) 'b');
        HttpResponse<String> chunked = p.send("PUT", p.ingest() + "/v1/learners/mia/notes/Daily/chunked.md", mia, MD,
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(overMiB)));
        if (chunked.statusCode() != 413) {
            wrong.add("chunked note over 1 MiB: " + chunked.statusCode() + " " + chunked.body());
        }
        assertThat(wrong).isEmpty();
        assertThat(Snapshot.of(p, "mia", mia)).isEqualTo(before);
    }

    @Test
    @Order(3)
    void noTokenEverReachesALog() throws IOException {
        for (Path log : p.logFiles()) {
            String text = Files.readString(log, StandardCharsets.UTF_8);
            for (String token : p.tokensSeen()) {
                assertThat(text).as(log.getFileName() + " holds a token").doesNotContain(token);
            }
            assertThat(text).as(log.getFileName().toString()).doesNotContainIgnoringCase("Bearer ");
        }
    }

    private HttpResponse<String> call(Endpoint endpoint, Caller caller) {
        String learner = "mia";
        String ownToken = mia;
        String path = endpoint.path();
        if (path.contains("{fresh}")) {
            learner = "fresh-" + fresh.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8);
            ownToken = p.createLearner(learner);
            path = path.replace("{fresh}", learner);
        }
        if (path.contains("{invitee}")) {
            String invitee = "invitee-" + fresh.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8);
            p.createLearner(invitee);
            path = path.replace("{invitee}", invitee);
        }
        path = path.replace("{learner}", learner).replace("{caller}", caller.name().toLowerCase())
                .replace("{new}", "new-" + UUID.randomUUID().toString().substring(0, 8));
        String token = switch (caller) {
            case NONE -> null;
            case UNKNOWN -> "ct_unknown" + UUID.randomUUID();
            case OTHER -> noah;
            case MEMBER -> zoe;
            case OWN -> ownToken;
            case ADMIN -> p.adminToken;
        };
        String body = endpoint.body() == null ? null : endpoint.body().replace("{new}", "new-" + UUID.randomUUID().toString().substring(0, 8));
        HttpRequest.BodyPublisher publisher = body == null ? null
                : ZIP.equals(body) ? HttpRequest.BodyPublishers.ofByteArray(zip())
                : HttpRequest.BodyPublishers.ofString(body.replace("\"{new}\"", "\"new-" + UUID.randomUUID().toString().substring(0, 8) + "\""));
        HttpResponse<String> response = p.send(endpoint.method(), url(endpoint.service()) + path, token, endpoint.contentType(), publisher);
        if (response.statusCode() == 200 && path.endsWith("/token")) {
            p.remember(SecurityPlatform.json(response).path("token").asText());
        }
        if (response.statusCode() == 201 && path.equals("/v1/learners")) {
            p.remember(SecurityPlatform.json(response).path("token").asText());
        }
        return response;
    }

    private static String url(Service service) {
        return switch (service) {
            case TRACKER -> p.tracker();
            case INGEST -> p.ingest();
            case PROGRESS -> p.progress();
        };
    }

    static void assertErrorBody(String what, HttpResponse<String> response) {
        assertThat(response.headers().firstValue("Content-Type").orElse("")).as(what).startsWith("application/json");
        JsonNode body = SecurityPlatform.json(response);
        assertThat(body.path("error").asText()).as(what + " error").isNotBlank();
        assertThat(body.path("detail").asText()).as(what + " detail").isNotBlank();
        assertThat(response.body()).as(what).doesNotContain("Exception", "\tat ", "io.coursetracker", "org.hibernate", "SQL");
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] zip() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("Daily/2026-11-23.md"));
            zip.write(bytes(NOTE.replace("2026-11-24", "2026-11-23")));
            zip.closeEntry();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }
}
