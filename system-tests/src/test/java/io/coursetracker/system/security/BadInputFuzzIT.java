package io.coursetracker.system.security;

import com.fasterxml.jackson.databind.JsonNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random bytes, paths and JSON against the packaged services (one platform for the whole class):
 * never a 5xx, and after every refused request the learner's progress, streak, calendar, questions
 * and stored notes are exactly what they were. An input that happens to be valid (2xx) moves the
 * baseline instead.
 */
class BadInputFuzzIT {
    private static final String LEARNER = "fuzz";
    private static final String NOTE = "# 2026-11-20\n## Goals for Today\n- [x] Watch [Lesson 2](https://course.fast.ai/Lessons/lesson2.html)\n";

    private static SecurityPlatform p;
    private static String token;
    private static JsonNode baseline;

    @BeforeContainer
    static void learnerWithNotes() {
        p = SecurityPlatform.get();
        token = p.createLearner(LEARNER);
        HttpResponse<String> put = p.send("PUT", p.ingest() + "/v1/learners/fuzz/notes/Daily/2026-11-20.md", token, "text/markdown",
                HttpRequest.BodyPublishers.ofString(NOTE));
        assertThat(put.statusCode()).isEqualTo(202);
        baseline = Snapshot.of(p, LEARNER, token);
    }

    @Property(tries = 60)
    void randomBytesAsANoteNeverFailAndChangeNothingWhenRefused(@ForAll("noteBodies") byte[] body) {
        check(p.send("POST", p.ingest() + "/v1/parse?path=f.md", token, "text/markdown", HttpRequest.BodyPublishers.ofByteArray(body)));
        check(p.send("PUT", p.ingest() + "/v1/learners/fuzz/notes/Fuzz/n.md", token, "text/markdown",
                HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    @Property(tries = 80)
    void randomPathsNeverEscapeNorFail(@ForAll("notePaths") String path) {
        check(p.send("PUT", p.ingest() + "/v1/learners/fuzz/notes/" + path, token, "text/markdown",
                HttpRequest.BodyPublishers.ofString("# a note\n")));
        check(p.send("POST", p.ingest() + "/v1/parse?path=" + path, token, "text/markdown", HttpRequest.BodyPublishers.ofString(NOTE)));
    }

    @Property(tries = 60)
    void randomJsonToLearnersAndCoursesNeverFailsAndChangesNothingWhenRefused(@ForAll("json") String json) {
        check(p.send("POST", p.tracker() + "/v1/learners", p.adminToken, "application/json", HttpRequest.BodyPublishers.ofString(json)));
        check(p.send("PATCH", p.tracker() + "/v1/learners/fuzz", token, "application/json", HttpRequest.BodyPublishers.ofString(json)));
        check(p.send("PUT", p.tracker() + "/v1/courses/fuzz-course", p.adminToken, "application/json",
                HttpRequest.BodyPublishers.ofString(json)));
    }

    private static void check(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isLessThan(500);
        if (response.statusCode() >= 400) {
            AccessMatrixIT.assertErrorBody(response.request().method() + " " + response.request().uri(), response);
            assertThat(Snapshot.of(p, LEARNER, token)).as("after " + response.request().uri()).isEqualTo(baseline);
        } else {
            if (response.statusCode() == 201 && response.body().contains("\"token\"")) {
                p.remember(SecurityPlatform.json(response).path("token").asText());
            }
            baseline = Snapshot.of(p, LEARNER, token);
        }
    }

    @Provide
    Arbitrary<byte[]> noteBodies() {
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(2048);
        Arbitrary<byte[]> textWithJunk = Arbitraries.strings().ofMaxLength(300)
                .map(s -> (NOTE + s + "\u0000\uFFFF").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return Arbitraries.oneOf(random, textWithJunk);
    }

    @Provide
    Arbitrary<String> notePaths() {
        return Arbitraries.of("..", ".", "%2e", "%2E%2e", "%2f", "%2F", "%5c", "%5C", "%00", "%252e", "%252F", "%C0%AE",
                        "%E2%80%AE", "a", "Daily", "b.md", "/", "//", "~", ".md", "%20", "x.MD", ".obsidian", "C:", "%3A")
                .list().ofMinSize(1).ofMaxSize(8)
                .map(parts -> String.join("", parts));
    }

    @Provide
    Arbitrary<String> json() {
        Arbitrary<String> tokens = Arbitraries.of("{", "}", "[", "]", ":", ",", "\"id\"", "\"displayName\"", "\"timezone\"",
                "\"courses\"", "\"restDaysPerWeek\"", "\"title\"", "\"lessons\"", "\"number\"", "null", "true", "-1", "1e999",
                "3", "99999999999999999999", "\"x\"", "\"Europe/Berlin\"", "\"Mars/Base\"", "\"fastai-part1-2022\"", "\"\\u0000\"",
                "\"../../etc\"", "\"" + "y".repeat(300) + "\"", "\"", "\\");
        return Arbitraries.oneOf(
                tokens.list().ofMaxSize(24).map(parts -> String.join("", parts)),
                Arbitraries.strings().ofMaxLength(200));
    }
}
