package io.coursetracker.system;

import com.fasterxml.jackson.databind.JsonNode;
import io.coursetracker.localstack.Platform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static io.coursetracker.system.HeadlessChromium.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The team page as a study group's lead uses it: the packaged platform, three learners in a team
 * (the owner is one of them), notes saved through ingest-service; the owner signs in in headless
 * Chromium, reads the members table, the at-risk badge and who is stuck, and sees the page change
 * without a reload when a member saves a note. Screenshots as in {@link LearnerDashboardPageIT}.
 */
class TeamDashboardPageIT {
    private static final String TEAM = "tuesday-group";
    private static final String QUESTION = "Why do we need a separate validation set?";

    private final String adminToken = "admin-" + UUID.randomUUID();
    private final Map<String, String> tokens = new HashMap<>();

    @TempDir
    Path dataDir;
    @TempDir
    Path browserProfile;

    Platform platform;
    PlatformClient client;
    HeadlessChromium chromium;
    WebDriver browser;

    @BeforeEach
    void start() throws Exception {
        HeadlessChromium.requireBrowser();
        platform = new Platform(Platform.Settings.onFreePorts(PlatformClient.REPO, dataDir, adminToken)).start();
        client = new PlatformClient(platform, adminToken);
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
    void theLeadSeesWhoIsBehindAndTheTableChangesWhenAMemberSavesANote() throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        learner("lea", "Lea Lindqvist");
        learner("max", "Max Müller");
        learner("noor", "Noor Haddad");
        assertThat(tracker("POST", "/v1/teams", adminToken,
                "{\"id\":\"" + TEAM + "\",\"name\":\"Tuesday study group\",\"course\":\"fastai-part1-2022\",\"owner\":\"lea\"}")
                .statusCode()).isEqualTo(201);
        for (String member : new String[]{"lea", "max", "noor"}) {
            assertThat(tracker("PUT", "/v1/teams/" + TEAM + "/members/" + member, adminToken, null).statusCode()).isEqualTo(204);
        }

        // lea: lesson 1 completed two days ago, active yesterday: streak 2, 1 of 8 lessons (12.5 %).
        note("lea", today.minusDays(2), "## Goals for Today\n- [x] Complete [[Lesson 1]]\n");
        note("lea", today.minusDays(1), "## What I Studied\n- Reread the DataBlock chapter\n");
        // max: watched lesson 1's video ten days ago with a question, nothing since: at risk and stuck on lesson 1.
        note("max", today.minusDays(10), "## Goals for Today\n- [x] Watch the [Lesson 1 video](https://course.fast.ai/Lessons/lesson1.html)\n"
                + "## Questions\n- " + QUESTION + "\n");
        // noor: lessons 1 and 2 completed yesterday and today: streak 2, 2 of 8 lessons (25 %).
        note("noor", today.minusDays(1), "## Goals for Today\n- [x] Complete [[Lesson 1]]\n");
        note("noor", today, "## Goals for Today\n- [x] Complete [[Lesson 2]]\n");
        awaitDashboard(d -> member(d, "lea").path("lessonsCompleted").asInt() == 1
                && member(d, "noor").path("lessonsCompleted").asInt() == 2
                && member(d, "max").path("lastActiveDay").asText().equals(today.minusDays(10).toString())
                && member(d, "lea").path("current").asInt() == 2);

        // The lead signs in and finds the team from the header of their own dashboard.
        String base = platform.tracker().url();
        browser.get(base + "/sign-in");
        browser.findElement(By.id("token")).sendKeys(tokens.get("lea"));
        browser.findElement(By.cssSelector("form.sign-in button[type=submit]")).click();
        await("the dashboard", () -> browser.getCurrentUrl().endsWith("/dashboard"), Duration.ofSeconds(10));
        browser.findElement(By.id("nav-teams")).click();
        await("the team list", () -> browser.getCurrentUrl().endsWith("/teams"), Duration.ofSeconds(10));
        assertThat(chromium.text("#team-list")).contains("Tuesday study group").contains("you lead it");
        browser.findElement(By.cssSelector("a[href='/teams/" + TEAM + "']")).click();
        await("the team page", () -> browser.getCurrentUrl().endsWith("/teams/" + TEAM), Duration.ofSeconds(10));
        await("the live stream", () -> "live".equals(chromium.attribute("#live-status", "class")), Duration.ofSeconds(10));
        await("the team's data", () -> chromium.text("#members-table") != null, Duration.ofSeconds(10));

        assertThat(chromium.text("h1")).isEqualTo("Tuesday study group");
        assertThat(cell("lea", "lessons")).isEqualTo("1 of 8");
        assertThat(cell("lea", "completion")).isEqualTo("13 %");
        assertThat(cell("lea", "current")).isEqualTo("2 days");
        assertThat(cell("lea", "longest")).isEqualTo("2 days");
        assertThat(chromium.attribute(row("lea") + " [data-col='last-active'] time", "datetime")).isEqualTo(today.minusDays(1).toString());
        assertThat(cell("lea", "status")).isEqualTo("On track");
        assertThat(cell("noor", "lessons")).isEqualTo("2 of 8");
        assertThat(cell("noor", "completion")).isEqualTo("25 %");
        assertThat(cell("noor", "current")).isEqualTo("2 days");
        assertThat(cell("max", "lessons")).isEqualTo("0 of 8");
        assertThat(cell("max", "completion")).isEqualTo("3 %");
        assertThat(cell("max", "current")).isEqualTo("0 days");
        assertThat(cell("max", "longest")).isEqualTo("1 day");
        assertThat(cell("max", "status")).contains("At risk");
        assertThat(chromium.text("#attention-list [data-learner='max']")).contains("Max Müller").contains("At risk")
                .contains("10 days ago").contains("Stuck").contains("On lesson 1").contains(QUESTION);
        assertThat(chromium.script("return document.querySelectorAll('#attention-list > li').length;")).isEqualTo("1");
        assertThat(chromium.text("#lesson-bars [data-lesson='1'] [data-col='completed-by']")).isEqualTo("2 of 3 members");
        assertThat(chromium.text("#lesson-bars [data-lesson='2'] [data-col='completed-by']")).isEqualTo("1 of 3 members");
        assertThat(chromium.attribute("#day-bars [data-date='" + today.minusDays(1) + "']", "data-active")).isEqualTo("2");
        assertThat(chromium.attribute("#day-bars [data-date='" + today.minusDays(10) + "']", "data-active")).isEqualTo("1");
        assertThat(chromium.script("return document.querySelectorAll('#day-bars li').length;")).isEqualTo("30");

        chromium.screenshot("team-dashboard.png");
        browser.manage().window().setSize(new Dimension(400, 2600));
        await("the one-column layout", () -> browser.findElement(By.id("members")).getRect().getWidth() < 400, Duration.ofSeconds(5));
        assertThat(browser.findElement(By.cssSelector(row("max"))).getRect().getWidth()).as("a member's row fits the phone")
                .isLessThan(400);
        chromium.screenshot("team-dashboard-phone.png");
        browser.manage().window().setSize(new Dimension(1280, 1700));

        // max saves today's note through ingest-service: the lead's page changes by itself.
        chromium.markDocument();
        note("max", today, "## Goals for Today\n- [x] Run the Lesson 1 notebook on Kaggle\n");
        Instant saved = Instant.now();
        await("max's streak to reach 1 on the page", () -> "1 day".equals(cell("max", "current")), Duration.ofSeconds(5));
        await("max to be on track", () -> "On track".equals(cell("max", "status")), Duration.ofSeconds(5));
        System.out.printf("a member's saved note showed on the team page %d ms after its 202%n", Duration.between(saved, Instant.now()).toMillis());
        assertThat(chromium.sameDocument()).as("the page was not reloaded").isTrue();
        assertThat(cell("max", "completion")).isEqualTo("6 %");
        await("nobody left to help", () -> chromium.text(".all-well") != null, Duration.ofSeconds(5));
        assertThat(chromium.attribute("#day-bars [data-date='" + today + "']", "data-active")).isEqualTo("2");

        // Someone outside the team gets the same refusal for this team and for one that does not exist.
        learner("ola", "Ola");
        browser.findElement(By.cssSelector("nav.account button")).click();
        await("the sign-in page", () -> browser.getCurrentUrl().endsWith("/sign-in"), Duration.ofSeconds(10));
        browser.findElement(By.id("token")).sendKeys(tokens.get("ola"));
        browser.findElement(By.cssSelector("form.sign-in button[type=submit]")).click();
        await("the dashboard", () -> browser.getCurrentUrl().endsWith("/dashboard"), Duration.ofSeconds(10));
        browser.get(base + "/teams/" + TEAM);
        String refused = chromium.text("main");
        assertThat(refused).contains("You cannot open this team").doesNotContain("Tuesday");
        browser.get(base + "/teams/no-such-team");
        assertThat(chromium.text("main")).isEqualTo(refused);
    }

    private void learner(String id, String name) throws Exception {
        tokens.put(id, client.createLearner("{\"id\":\"" + id + "\",\"displayName\":\"" + name + "\",\"timezone\":\"UTC\","
                + "\"courses\":[\"fastai-part1-2022\"]}"));
    }

    private void note(String learner, LocalDate day, String body) throws Exception {
        HttpResponse<String> saved = client.putNote(learner, tokens.get(learner), "Daily/" + day + ".md", "# " + day + "\n" + body);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(202);
    }

    private HttpResponse<String> tracker(String method, String path, String token, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(platform.tracker().url() + path))
                .header("Authorization", "Bearer " + token);
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return client.send(request);
    }

    private JsonNode awaitDashboard(java.util.function.Predicate<JsonNode> expected) throws Exception {
        Instant deadline = Instant.now().plusSeconds(20);
        JsonNode last = null;
        do {
            HttpResponse<String> response = client.getTracker("/v1/teams/" + TEAM + "/dashboard", tokens.get("lea"));
            if (response.statusCode() == 200) {
                last = PlatformClient.JSON.readTree(response.body());
                if (expected.test(last)) {
                    return last;
                }
            }
            Thread.sleep(50);
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError("team dashboard not as expected within 20 s; last seen: " + last);
    }

    private static JsonNode member(JsonNode dashboard, String learner) {
        for (JsonNode member : dashboard.path("members")) {
            if (member.path("learner").asText().equals(learner)) {
                return member;
            }
        }
        return PlatformClient.JSON.missingNode();
    }

    private static String row(String learner) {
        return "#members-table tr[data-learner='" + learner + "']";
    }

    private String cell(String learner, String column) {
        return chromium.text(row(learner) + " [data-col='" + column + "']");
    }
}
