package io.coursetracker.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coursetracker.localstack.Platform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A study group of three learners (two added by an admin, one invited by the owner who accepts; a
 * fourth invited who never accepts) saves notes through ingest-service; the team dashboard read
 * through tracker-api shows the numbers worked out by hand below, and tracker-api's /q/metrics shows
 * the team gauges. The packaged services run as their own processes on a real Kafka and PostgreSQL.
 */
class TeamDashboardFlowIT {
    private static final Path REPO = Path.of(System.getProperty("repo.root", "..")).toAbsolutePath().normalize();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COURSE = "fastai-part1-2022";
    private static final String TEAM = "study-group";
    private static final String AS_OF = "2026-11-20";
    private static final String LOG_SCALE = "Why does the learning rate finder plot loss on a log scale?";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String adminToken = "admin-" + UUID.randomUUID();
    private final Map<String, String> tokens = new HashMap<>();

    @TempDir
    Path dataDir;

    Platform platform;

    @BeforeEach
    void startPlatform() throws Exception {
        platform = new Platform(Platform.Settings.onFreePorts(REPO, dataDir, adminToken)).start();
    }

    @AfterEach
    void stopPlatform() throws Exception {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void aStudyGroupOfThreeShowsUpOnTheTeamDashboardAndInTheMetrics() throws Exception {
        createLearner("lead", "Europe/London");
        createLearner("ann", "UTC");
        createLearner("bo", "America/New_York");
        createLearner("cy", "Asia/Tokyo");
        createLearner("dee", "UTC");
        assertThat(send("POST", tracker("/v1/teams"), adminToken,
                "{\"id\":\"" + TEAM + "\",\"name\":\"Study group\",\"course\":\"" + COURSE + "\",\"owner\":\"lead\"}").statusCode())
                .isEqualTo(201);
        assertThat(send("PUT", tracker("/v1/teams/" + TEAM + "/members/ann"), adminToken, null).statusCode()).isEqualTo(204);
        assertThat(send("PUT", tracker("/v1/teams/" + TEAM + "/members/bo"), adminToken, null).statusCode()).isEqualTo(204);
        assertThat(send("PUT", tracker("/v1/teams/" + TEAM + "/members/cy"), tokens.get("lead"), null).statusCode()).isEqualTo(202);
        assertThat(send("PUT", tracker("/v1/teams/" + TEAM + "/members/dee"), tokens.get("lead"), null).statusCode()).isEqualTo(202);
        assertThat(send("POST", tracker("/v1/teams/" + TEAM + "/invitations/accept"), tokens.get("cy"), null).statusCode()).isEqualTo(204);

        // ann: lesson 1 completed on the 18th, lesson 2 at 75 % by the 20th; active 18, 19, 20.
        note("ann", "Daily/2026-11-18.md", "# 2026-11-18\n## Goals for Today\n- [x] Complete [[Lesson 1]]\n");
        note("ann", "Daily/2026-11-19.md", "# 2026-11-19\n## Goals for Today\n"
                + "- [x] Watch the [Lesson 2 video](https://course.fast.ai/Lessons/lesson2.html)\n- [x] Run the Lesson 2 notebook on Kaggle\n");
        note("ann", "Daily/2026-11-20.md", "# 2026-11-20\n## Goals for Today\n- [x] Read the book chapter for Lesson 2\n");
        // bo: lesson 1 at 50 %, last touched on the 10th with an open question; active 9, 10, 16 (no lesson on the 16th).
        note("bo", "Daily/2026-11-09.md", "# 2026-11-09\n## Goals for Today\n"
                + "- [x] Watch the [Lesson 1 video](https://course.fast.ai/Lessons/lesson1.html)\n## Questions\n- " + LOG_SCALE + "\n");
        note("bo", "Daily/2026-11-10.md", "# 2026-11-10\n## Goals for Today\n- [x] Finish the Lesson 1 questionnaire\n"
                + "## What I Studied\n- The DataBlock API\n");
        note("bo", "Daily/2026-11-16.md", "# 2026-11-16\n## What I Studied\n- Reread my notes\n## Questions\n- How do I deploy a model?\n");
        // cy: lessons 1 and 2 completed, lesson 3 watched; active 17, 18, 19.
        note("cy", "Daily/2026-11-17.md", "# 2026-11-17\n## Goals for Today\n- [x] Complete [[Lesson 1]]\n");
        note("cy", "Daily/2026-11-18.md", "# 2026-11-18\n## Goals for Today\n- [x] Complete [[Lesson 2]]\n");
        note("cy", "Daily/2026-11-19.md", "# 2026-11-19\n## Goals for Today\n"
                + "- [x] Watch the [Lesson 3 video](https://course.fast.ai/Lessons/lesson3.html)\n");
        // dee never accepted: her lesson 1 must not count.
        note("dee", "Daily/2026-11-20.md", "# 2026-11-20\n## Goals for Today\n- [x] Complete [[Lesson 1]]\n");

        JsonNode dashboard = awaitDashboard(tokens.get("lead"), read -> member(read, "ann").path("completion").asDouble() == 0.21875
                && member(read, "bo").path("completion").asDouble() == 0.0625
                && member(read, "cy").path("completion").asDouble() == 0.28125
                && member(read, "bo").path("lastActiveDay").asText().equals("2026-11-16"));

        assertThat(dashboard.path("team").asText()).isEqualTo(TEAM);
        assertThat(dashboard.path("course").asText()).isEqualTo(COURSE);
        assertThat(dashboard.path("asOf").asText()).isEqualTo(AS_OF);
        List<String> learners = new ArrayList<>();
        dashboard.path("members").forEach(m -> learners.add(m.path("learner").asText()));
        assertThat(learners).containsExactly("ann", "bo", "cy");

        assertMember(dashboard, "ann", 1, 0.21875, 3, 3, "2026-11-20", false);
        assertMember(dashboard, "bo", 0, 0.0625, 0, 2, "2026-11-16", true);   // 4 days since the 16th
        assertMember(dashboard, "cy", 2, 0.28125, 3, 3, "2026-11-19", false); // the 20th is not over: still alive
        assertThat(member(dashboard, "ann").path("displayName").asText()).isEqualTo("Ann the learner");

        JsonNode lessons = dashboard.path("lessons");
        assertThat(lessons).hasSize(8);
        assertThat(lessons.path(0).path("completedBy").asInt()).isEqualTo(2); // ann, cy (not dee)
        assertThat(lessons.path(1).path("completedBy").asInt()).isEqualTo(1); // cy
        assertThat(lessons.path(2).path("completedBy").asInt()).isZero();
        assertThat(lessons.path(0).path("title").asText()).isNotBlank();

        JsonNode days = dashboard.path("activeByDay");
        assertThat(days).hasSize(30);
        assertThat(days.path(0).path("date").asText()).isEqualTo("2026-10-22");
        assertThat(days.path(29).path("date").asText()).isEqualTo(AS_OF);
        Map<String, Integer> expected = Map.of("2026-11-09", 1, "2026-11-10", 1, "2026-11-16", 1, "2026-11-17", 1,
                "2026-11-18", 2, "2026-11-19", 2, "2026-11-20", 1);
        for (JsonNode day : days) {
            assertThat(day.path("active").asInt()).as(day.path("date").asText())
                    .isEqualTo(expected.getOrDefault(day.path("date").asText(), 0));
        }

        JsonNode stuck = dashboard.path("stuck");
        assertThat(stuck).hasSize(1);
        assertThat(stuck.path(0).path("learner").asText()).isEqualTo("bo");
        assertThat(stuck.path(0).path("lesson").asInt()).isEqualTo(1);
        assertThat(stuck.path(0).path("lastActivity").asText()).isEqualTo("2026-11-10");
        assertThat(stuck.path(0).path("openQuestions")).hasSize(1);
        assertThat(stuck.path(0).path("openQuestions").path(0).asText()).isEqualTo(LOG_SCALE);

        // Members read it too; the invited learner who never accepted does not, nor does anyone else.
        assertThat(send("GET", tracker("/v1/teams/" + TEAM + "/dashboard?asOf=" + AS_OF), tokens.get("bo"), null).statusCode()).isEqualTo(200);
        assertThat(send("GET", tracker("/v1/teams/" + TEAM + "/dashboard?asOf=" + AS_OF), tokens.get("dee"), null).statusCode()).isEqualTo(403);
        // The summaries behind it are for the services' admin token only.
        assertThat(send("POST", platform.progress().url() + "/v1/summaries", tokens.get("lead"),
                "{\"learners\":[\"ann\"],\"course\":\"" + COURSE + "\",\"asOf\":\"" + AS_OF + "\"}").statusCode()).isEqualTo(403);

        // bo asks again on the 20th about lesson 1: no longer stuck, the question answered.
        note("bo", "Daily/2026-11-20.md", "# 2026-11-20\n## Goals for Today\n- [ ] Lesson 1 notebook\n## Questions\n- [x] " + LOG_SCALE + "\n");
        JsonNode after = awaitDashboard(tokens.get("lead"), read -> read.path("stuck").isEmpty());
        assertThat(member(after, "bo").path("atRisk").asBoolean()).isFalse();
        assertThat(member(after, "bo").path("lastActiveDay").asText()).isEqualTo(AS_OF);

        // The gauges (refreshed every second here; TRACKER_TEAMS_METRICS_REFRESH) count members and lessons, as of today.
        Map<String, Double> metrics = awaitMetrics(read -> read.getOrDefault("tracker_team_members", 0.0) == 3.0
                && read.getOrDefault("tracker_team_lessons_completed", 0.0) == 3.0);
        assertThat(metrics).containsKeys("tracker_team_active_learners", "tracker_team_members_at_risk");
        assertThat(metrics.get("tracker_team_streak_members")).as("every member is in one streak bucket").isEqualTo(3.0);
        String exposition = send("GET", tracker("/q/metrics"), null, null).body();
        assertThat(exposition).contains("tracker_team_members{course=\"" + COURSE + "\",team=\"" + TEAM + "\"} 3.0");
        for (String bucket : List.of("0", "1-2", "3-6", "7-13", "14+")) {
            assertThat(exposition).contains("streak=\"" + bucket + "\"");
        }
        assertThat(exposition).doesNotContain("learner=\"");
    }

    private void createLearner(String id, String timezone) throws Exception {
        String displayName = id.equals("ann") ? "Ann the learner" : id;
        HttpResponse<String> created = send("POST", tracker("/v1/learners"), adminToken,
                "{\"id\":\"" + id + "\",\"displayName\":\"" + displayName + "\",\"timezone\":\"" + timezone + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        tokens.put(id, JSON.readTree(created.body()).path("token").asText());
    }

    private void note(String learner, String path, String markdown) throws Exception {
        HttpResponse<String> saved = send("PUT", platform.ingest().url() + "/v1/learners/" + learner + "/notes/" + path,
                tokens.get(learner), markdown);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(202);
    }

    private static JsonNode member(JsonNode dashboard, String learner) {
        for (JsonNode member : dashboard.path("members")) {
            if (member.path("learner").asText().equals(learner)) {
                return member;
            }
        }
        return JSON.missingNode();
    }

    private static void assertMember(JsonNode dashboard, String learner, int lessonsCompleted, double completion, int current,
                                     int longest, String lastActiveDay, boolean atRisk) {
        JsonNode member = member(dashboard, learner);
        assertThat(member.path("lessonsCompleted").asInt()).as(learner).isEqualTo(lessonsCompleted);
        assertThat(member.path("completion").asDouble()).as(learner).isCloseTo(completion, within(1e-9));
        assertThat(member.path("current").asInt()).as(learner + " current").isEqualTo(current);
        assertThat(member.path("longest").asInt()).as(learner + " longest").isEqualTo(longest);
        assertThat(member.path("lastActiveDay").asText()).as(learner).isEqualTo(lastActiveDay);
        assertThat(member.path("atRisk").asBoolean()).as(learner + " atRisk").isEqualTo(atRisk);
    }

    private JsonNode awaitDashboard(String token, Predicate<JsonNode> expected) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        String last;
        do {
            HttpResponse<String> response = send("GET", tracker("/v1/teams/" + TEAM + "/dashboard?asOf=" + AS_OF), token, null);
            last = response.statusCode() + " " + response.body();
            if (response.statusCode() == 200) {
                JsonNode read = JSON.readTree(response.body());
                if (expected.test(read)) {
                    return read;
                }
            }
            Thread.sleep(100);
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError("team dashboard never as expected; last: " + last);
    }

    /** Sums of the team's series per metric name, once {@code expected} holds. */
    private Map<String, Double> awaitMetrics(Predicate<Map<String, Double>> expected) throws Exception {
        Pattern line = Pattern.compile("^(tracker_team_[a-z_]+)\\{([^}]*)\\} (\\S+)$", Pattern.MULTILINE);
        Instant deadline = Instant.now().plusSeconds(30);
        Map<String, Double> sums;
        do {
            sums = new HashMap<>();
            Matcher matcher = line.matcher(send("GET", tracker("/q/metrics"), null, null).body());
            while (matcher.find()) {
                if (matcher.group(2).contains("team=\"" + TEAM + "\"")) {
                    sums.merge(matcher.group(1), Double.parseDouble(matcher.group(3)), Double::sum);
                }
            }
            if (expected.test(sums)) {
                return sums;
            }
            Thread.sleep(200);
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError("team gauges never as expected; last: " + sums);
    }

    private String tracker(String path) {
        return platform.tracker().url() + path;
    }

    private HttpResponse<String> send(String method, String uri, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(10));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", uri.contains("/notes/") ? "text/markdown" : "application/json");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
