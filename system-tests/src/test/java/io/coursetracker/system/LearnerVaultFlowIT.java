package io.coursetracker.system;

import com.fasterxml.jackson.databind.JsonNode;
import io.coursetracker.localstack.Platform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A learner's week of notes, written as Markdown, saved through ingest-service and read back through
 * tracker-api: lesson completion, streak with a rest day, calendar states, merged questions and the
 * dashboard; then a delete that undoes completion and breaks the streak, and a backfill.
 * The packaged services run as their own processes on a real Kafka broker and PostgreSQL.
 */
class LearnerVaultFlowIT {
    private static final String LEARNER = "vault-learner";
    private static final String NOISY_CURVE = "Why is the learning rate finder's curve so noisy?";

    private static final String MONDAY = """
            # 2026-10-05, Monday
            ## 🎯 Goals for Today
            - [x] Watch the [Lesson 3 video](https://course.fast.ai/Lessons/lesson3.html)
            - [ ] Skim the fastbook chapter on SGD
            ## ❓ Questions
            - Why is the learning rate finder's curve so noisy?
              - Does the batch size change it?
            """;
    private static final String TUESDAY = """
            # 2026-10-06, Tuesday
            ## Goals for Today
            - [x] Read the book chapter for Lesson 3
            - [x] Run the Lesson 3 notebook on Kaggle
            ## What I Studied
            - Gradient descent written out by hand
            """;
    private static final String WEDNESDAY_TEMPLATE = """
            # 2026-10-07, Wednesday
            ## Goals for Today
            - [ ] Lesson 3 questionnaire
            ## What I Studied
            ## Questions
            """;
    private static final String THURSDAY = """
            # 2026-10-08
            ## Goals for Today
            - [x] Finish the Lesson 3 questionnaire
            ## Questions
            - [x] why is the learning rate  finder's curve so noisy?
            """;
    private static final String SUNDAY_BEFORE = """
            ---
            date: 2026-10-04
            tags: [backfill]
            ---
            ## Insights
            - Fine-tuning keeps the pretrained body and trains a new head first
            """;

    @TempDir
    Path dataDir;

    Platform platform;
    PlatformClient client;
    String token;

    @BeforeEach
    void startPlatform() throws Exception {
        String adminToken = "admin-" + UUID.randomUUID();
        platform = new Platform(Platform.Settings.onFreePorts(PlatformClient.REPO, dataDir, adminToken)).start();
        client = new PlatformClient(platform, adminToken);
        token = client.createLearner("{\"id\":\"" + LEARNER + "\",\"timezone\":\"America/New_York\",\"restDaysPerWeek\":1}");
    }

    @AfterEach
    void stopPlatform() throws Exception {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void aWeekOfNotesReadsBackAsProgressStreakCalendarAndQuestions() throws Exception {
        for (String[] note : List.of(new String[]{"Daily/2026-10-05.md", MONDAY}, new String[]{"Daily/2026-10-06.md", TUESDAY},
                new String[]{"Daily/2026-10-07.md", WEDNESDAY_TEMPLATE}, new String[]{"Daily/2026-10-08.md", THURSDAY})) {
            assertThat(put(note[0], note[1]).statusCode()).isEqualTo(202);
        }

        // Lesson 3: watched Monday, read and notebook Tuesday, questionnaire Thursday.
        JsonNode lesson3 = awaitRead("/progress", progress -> "completed".equals(lesson(progress, 3).path("status").asText()));
        assertThat(lesson(lesson3, 3).path("completion").asDouble()).isEqualTo(1.0);
        assertThat(lesson3.path("courses").path(0).path("completion").asDouble()).isEqualTo(0.125);

        // One rest day a week: the Wednesday template is it, so Monday to Thursday is one run of 3. The
        // learner's rest days reach progress-service on the learners topic, which on a platform started a
        // moment ago may be read after the notes: until then the streak counts no rest day, so wait for it.
        JsonNode streak = awaitRead("/streak?asOf=2026-10-09", read -> read.path("current").asInt() == 3);
        assertThat(streak.path("current").asInt()).isEqualTo(3);
        assertThat(streak.path("longest").asInt()).isEqualTo(3);
        assertThat(streak.path("longestStart").asText()).isEqualTo("2026-10-05");
        assertThat(streak.path("longestEnd").asText()).isEqualTo("2026-10-08");
        assertThat(streak.path("lastActiveDay").asText()).isEqualTo("2026-10-08");
        assertThat(streak.path("activeToday").asBoolean()).isFalse();
        assertThat(states(read("/calendar?from=2026-10-04&to=2026-10-09&asOf=2026-10-09")))
                .containsExactly("no_note", "active", "active", "rest", "active", "no_note");
        assertThat(read("/calendar?from=2026-10-08&to=2026-10-08").path(0).path("tasksDone").asInt()).isEqualTo(2);

        // Asked Monday, checked Thursday with other spacing and case: one question, answered.
        assertThat(read("/questions?status=open")).isEmpty();
        JsonNode questions = read("/questions");
        assertThat(questions).hasSize(1);
        assertThat(questions.path(0).path("text").asText()).isEqualTo(NOISY_CURVE);
        assertThat(questions.path(0).path("date").asText()).isEqualTo("2026-10-05");
        assertThat(questions.path(0).path("answered").asBoolean()).isTrue();
        assertThat(questions.path(0).path("subQuestions").path(0).asText()).isEqualTo("Does the batch size change it?");

        JsonNode dashboard = read("/dashboard?asOf=2026-10-09");
        assertThat(dashboard.path("streak").path("current").asInt()).isEqualTo(3);
        assertThat(dashboard.path("calendar")).hasSize(30);
        assertThat(lesson(dashboard.path("progress"), 3).path("status").asText()).isEqualTo("completed");
        // Again: progress-service confirms tracker-api's copy (304) and tracker-api serves it.
        assertThat(read("/dashboard?asOf=2026-10-09")).isEqualTo(dashboard);
        assertThat(client.getTracker("/q/metrics", token).body())
                .containsPattern("(?m)^tracker_dashboard_reads_total\\{answer=\"not-modified\"[^}]*} 1\\.0$");

        // Deleting Thursday undoes the questionnaire, reopens the question and breaks the run on it.
        assertThat(delete("Daily/2026-10-08.md").statusCode()).isEqualTo(202);
        JsonNode reopened = awaitRead("/progress", progress -> "in_progress".equals(lesson(progress, 3).path("status").asText()));
        assertThat(lesson(reopened, 3).path("completion").asDouble()).isEqualTo(0.75);
        assertThat(read("/questions?status=open").path(0).path("text").asText()).isEqualTo(NOISY_CURVE);
        streak = read("/streak?asOf=2026-10-09");
        assertThat(streak.path("current").asInt()).isZero();
        assertThat(streak.path("brokenOn").asText()).isEqualTo("2026-10-08");
        assertThat(streak.path("longest").asInt()).isEqualTo(2);
        // tracker-api keeps the dashboard it served above; the delete moved its ETag, so the copy is not served.
        JsonNode changed = read("/dashboard?asOf=2026-10-09");
        assertThat(changed.path("streak").path("current").asInt()).isZero();
        assertThat(lesson(changed.path("progress"), 3).path("status").asText()).isEqualTo("in_progress");

        // Backfilling the Sunday before (another ISO week) lengthens the longest run.
        assertThat(put("Journal/sunday review.md", SUNDAY_BEFORE).statusCode()).isEqualTo(202);
        streak = awaitRead("/streak?asOf=2026-10-09", read -> read.path("longest").asInt() == 3);
        assertThat(streak.path("longestStart").asText()).isEqualTo("2026-10-04");
        assertThat(streak.path("longestEnd").asText()).isEqualTo("2026-10-06");
    }

    private static JsonNode lesson(JsonNode progress, int number) {
        return PlatformClient.lesson(progress, number);
    }

    private static List<String> states(JsonNode calendar) {
        List<String> states = new ArrayList<>();
        calendar.forEach(day -> states.add(day.path("state").asText()));
        return states;
    }

    private HttpResponse<String> put(String path, String markdown) throws Exception {
        return client.putNote(LEARNER, token, path, markdown);
    }

    private HttpResponse<String> delete(String path) throws Exception {
        return client.deleteNote(LEARNER, token, path);
    }

    private JsonNode read(String path) throws Exception {
        return client.readLearner(LEARNER, token, path);
    }

    private JsonNode awaitRead(String path, Predicate<JsonNode> expected) throws Exception {
        return client.awaitLearner(LEARNER, token, path, expected, Duration.ofSeconds(20));
    }
}
