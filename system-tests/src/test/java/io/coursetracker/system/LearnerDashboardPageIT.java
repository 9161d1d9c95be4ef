package io.coursetracker.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.coursetracker.localstack.Platform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The learner's web page as a person uses it: the packaged platform (three services, real Kafka and
 * PostgreSQL), Debian's headless Chromium driven through chromedriver. Sign in with the token, read
 * the streak, the lesson ticks, the questions and the heatmap, save a note, and watch the page
 * change without a reload. Leaves screenshots in system-tests/target/screenshots/, or in
 * docs/screenshots/ (the README's) with {@code -Dscreenshots.update=true}, so a plain test run
 * leaves the work tree clean.
 */
class LearnerDashboardPageIT {
    private static final Path REPO = Path.of(System.getProperty("repo.root", "..")).toAbsolutePath().normalize();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LEARNER = "mira";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String adminToken = "admin-" + UUID.randomUUID();

    @TempDir
    Path dataDir;
    @TempDir
    Path browserProfile;

    Platform platform;
    HeadlessChromium chromium;
    WebDriver browser;

    @BeforeEach
    void start() throws Exception {
        HeadlessChromium.requireBrowser();
        platform = new Platform(Platform.Settings.onFreePorts(REPO, dataDir, adminToken)).start();
        chromium = HeadlessChromium.start(browserProfile);
        browser = chromium.driver();
    }

    @AfterEach
    void stop() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void aLearnerSignsInSeesTheirDashboardAndASavedNoteShowsWithoutAReload() throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String token = createLearner();
        // Four days ago: lesson 1's video and a question; three days ago an empty template (a note, nothing done);
        // then two active days in a row, so the current streak is 2 and still alive today.
        saveNote(token, today.minusDays(4), """
                ## 🎯 Goals for Today
                - [x] Watch [Lesson 1](https://course.fast.ai/Lessons/lesson1.html)
                ## ❓ Questions
                - Why does a pretrained model need so few epochs?
                  - Is that true for tabular data too?
                - [x] What is a learning rate?
                """);
        saveNote(token, today.minusDays(3), """
                ## 🎯 Goals for Today
                - [ ] Run the Lesson 1 notebook
                """);
        saveNote(token, today.minusDays(2), """
                ## 🎯 Goals for Today
                - [x] Run the Lesson 1 notebook on Kaggle
                """);
        saveNote(token, today.minusDays(1), """
                ## 🎯 Goals for Today
                - [x] Read the book chapter for Lesson 1
                ## 💡 Insights
                - Fine-tuning keeps most of what the model learned
                """);
        awaitStreak(token, 2);

        // A person opens the site and signs in by pasting the token.
        String base = platform.tracker().url();
        browser.get(base + "/");
        assertThat(browser.getCurrentUrl()).endsWith("/sign-in");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Sign in");
        browser.findElement(By.id("token")).sendKeys(token);
        browser.findElement(By.cssSelector("form.sign-in button[type=submit]")).click();
        await("the dashboard", () -> browser.getCurrentUrl().endsWith("/dashboard"), Duration.ofSeconds(10));
        assertThat(browser.getCurrentUrl()).doesNotContain(token);
        assertThat(browser.manage().getCookieNamed("ct_session").isHttpOnly()).isTrue();
        assertThat(text("h1")).contains("Mira");
        await("the live stream", () -> "live".equals(attribute("#live-status", "class")), Duration.ofSeconds(10));
        await("the dashboard's data", () -> text("#current-streak") != null, Duration.ofSeconds(10));

        // What is on screen.
        assertThat(text("#current-streak")).isEqualTo("2");
        assertThat(text("#streak-message")).contains("Save an active note today");
        assertThat(text("#longest-streak")).isEqualTo("2 days");
        assertThat(activity(1, "watch")).isEqualTo("true");
        assertThat(activity(1, "notebook")).isEqualTo("true");
        assertThat(activity(1, "read")).isEqualTo("true");
        assertThat(activity(1, "questionnaire")).isEqualTo("false");
        assertThat(text("[data-lesson='1'] .completion-text")).isEqualTo("75 % · in progress");
        assertThat(text("#question-list")).contains("Why does a pretrained model need so few epochs?")
                .contains("Is that true for tabular data too?").doesNotContain("What is a learning rate?");
        assertThat(dayState(today.minusDays(5))).isEqualTo("no_note");
        assertThat(dayState(today.minusDays(4))).isEqualTo("active");
        assertThat(dayState(today.minusDays(3))).isEqualTo("inactive");
        assertThat(dayState(today.minusDays(1))).isEqualTo("active");
        assertThat(attribute("td[data-date='" + today.minusDays(4) + "']", "title"))
                .contains("active day").containsPattern("\\d+ tasks? done");

        // Save today's note through ingest-service: the same page changes, no reload.
        ((JavascriptExecutor) browser).executeScript("window.__sameDocument = true;");
        saveNote(token, today, """
                ## 🎯 Goals for Today
                - [x] Finish the Lesson 1 questionnaire
                """);
        Instant saved = Instant.now();
        await("the streak to reach 3 on the page", () -> "3".equals(text("#current-streak")), Duration.ofSeconds(5));
        await("lesson 1's questionnaire tick", () -> "true".equals(activity(1, "questionnaire")), Duration.ofSeconds(5));
        System.out.printf("a saved note showed on the page %d ms after its 202%n", Duration.between(saved, Instant.now()).toMillis());
        assertThat(((JavascriptExecutor) browser).executeScript("return window.__sameDocument === true;"))
                .as("the page was not reloaded").isEqualTo(true);
        assertThat(text("[data-lesson='1'] .completion-text")).isEqualTo("100 % · completed");
        assertThat(dayState(today)).isEqualTo("active");
        assertThat(text("#streak-message")).contains("Today already counts");

        screenshot("learner-dashboard.png");
        browser.manage().window().setSize(new Dimension(400, 2400));
        await("the one-column layout", () -> browser.findElement(By.id("lessons")).getRect().getWidth() < 400, Duration.ofSeconds(5));
        screenshot("learner-dashboard-phone.png");

        // Signing out ends the session: the page's data is no longer readable with the old cookie.
        browser.manage().window().setSize(new Dimension(1280, 900));
        browser.findElement(By.cssSelector("nav.account button")).click();
        await("the sign-in page", () -> browser.getCurrentUrl().endsWith("/sign-in"), Duration.ofSeconds(10));
        assertThat(browser.manage().getCookieNamed("ct_session")).isNull();
    }

    private String createLearner() throws Exception {
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(platform.tracker().url() + "/v1/learners"))
                .header("Authorization", "Bearer " + adminToken).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"" + LEARNER + "\",\"displayName\":\"Mira\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body()).path("token").asText();
    }

    private void saveNote(String token, LocalDate day, String body) throws Exception {
        HttpResponse<String> saved = http.send(HttpRequest.newBuilder(
                        URI.create(platform.ingest().url() + "/v1/learners/" + LEARNER + "/notes/Daily/" + day + ".md"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "text/markdown")
                .PUT(HttpRequest.BodyPublishers.ofString("# " + day + "\n" + body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(202);
    }

    private void awaitStreak(String token, int current) throws Exception {
        Instant deadline = Instant.now().plusSeconds(15);
        int seen = -1;
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> streak = http.send(HttpRequest.newBuilder(
                            URI.create(platform.tracker().url() + "/v1/learners/" + LEARNER + "/streak"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            if (streak.statusCode() == 200) {
                seen = JSON.readTree(streak.body()).path("current").asInt();
                if (seen == current) {
                    return;
                }
            }
            Thread.sleep(100);
        }
        assertThat(seen).as("current streak over the API").isEqualTo(current);
    }

    private String text(String css) {
        return chromium.text(css);
    }

    private String attribute(String css, String name) {
        return chromium.attribute(css, name);
    }

    private String activity(int lesson, String activity) {
        return attribute("[data-lesson='" + lesson + "'] [data-activity='" + activity + "']", "data-done");
    }

    private String dayState(LocalDate day) {
        return attribute("td[data-date='" + day + "']", "data-state");
    }

    private void screenshot(String name) throws Exception {
        chromium.screenshot(name);
    }

    private static void await(String what, Supplier<Boolean> condition, Duration limit) throws InterruptedException {
        HeadlessChromium.await(what, condition, limit);
    }
}
