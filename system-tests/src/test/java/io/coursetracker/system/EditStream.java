package io.coursetracker.system;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A steady stream of note edits from several learners, one thread each, as their note-taking apps
 * would send them: every edit is a new version of one of a handful of daily notes.
 *
 * <p>It behaves like a careful client (the learner CLI's watcher does the same): an edit is kept
 * until ingest-service answers 2xx. A 503 or a dropped connection means "send it again" — after a
 * dropped connection the first try may have been stored, and the same bytes sent again are then
 * answered "unchanged" with that revision, so every stored revision is known here exactly once.
 * What it records is the reference: per note, the revisions that got a 2xx and the last accepted text.
 */
final class EditStream implements AutoCloseable {
    static final String COURSE_URL = "https://course.fast.ai/Lessons/lesson%d.html";
    private static final Duration PAUSE_BETWEEN_EDITS = Duration.ofMillis(150);
    private static final Duration GIVE_UP_AFTER = Duration.ofSeconds(120);

    /** What one learner's stream did. */
    static final class LearnerLog {
        final String learner;
        final String token;
        /** Per note path: every revision that got a 2xx. */
        final Map<String, TreeSet<Long>> acceptedRevisions = new TreeMap<>();
        /** Per note path: the text of its last accepted revision. */
        final Map<String, String> lastAccepted = new TreeMap<>();
        int sent;
        int accepted;
        /** Answered 503 with Retry-After: not stored, try again. */
        int refusedAttempts;
        /** Any other 5xx: a failure the service did not explain (must not happen). */
        int failedAttempts;
        int droppedAttempts;
        int notAccepted;

        LearnerLog(String learner, String token) {
            this.learner = learner;
            this.token = token;
        }
    }

    private final PlatformClient client;
    private final List<LearnerLog> logs = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Map<String, Throwable> failures = new ConcurrentHashMap<>();
    private final LocalDate firstDay;

    EditStream(PlatformClient client, Map<String, String> tokensByLearner, LocalDate firstDay, long seed) {
        this.client = client;
        this.firstDay = firstDay;
        int index = 0;
        for (Map.Entry<String, String> learner : tokensByLearner.entrySet()) {
            LearnerLog log = new LearnerLog(learner.getKey(), learner.getValue());
            logs.add(log);
            Random random = new Random(seed + index++);
            Thread thread = new Thread(() -> run(log, random), "edits-" + learner.getKey());
            thread.setDaemon(true);
            threads.add(thread);
        }
    }

    EditStream start() {
        threads.forEach(Thread::start);
        return this;
    }

    /** Stops sending new edits, waits until every edit in flight is answered (or given up), and returns the logs. */
    List<LearnerLog> finish() throws InterruptedException {
        running.set(false);
        for (Thread thread : threads) {
            thread.join(GIVE_UP_AFTER.plusSeconds(15).toMillis());
        }
        if (!failures.isEmpty()) {
            throw new AssertionError("the edit stream failed: " + failures);
        }
        return logs;
    }

    /** Per learner and note: the newest revision accepted so far. */
    Map<String, Map<String, Long>> lastAcceptedRevisions() {
        Map<String, Map<String, Long>> snapshot = new TreeMap<>();
        synchronized (logs) {
            for (LearnerLog log : logs) {
                Map<String, Long> last = new TreeMap<>();
                log.acceptedRevisions.forEach((path, revisions) -> last.put(path, revisions.last()));
                snapshot.put(log.learner, last);
            }
        }
        return snapshot;
    }

    @Override
    public void close() {
        running.set(false);
    }

    private void run(LearnerLog log, Random random) {
        try {
            int edit = 0;
            while (running.get()) {
                String path = "Daily/" + firstDay.plusDays(random.nextInt(10)) + ".md";
                String text = note(path, ++edit, random);
                send(log, path, text);
                Thread.sleep(PAUSE_BETWEEN_EDITS.toMillis());
            }
        } catch (Throwable e) {
            failures.put(log.learner, e);
        }
    }

    private void send(LearnerLog log, String path, String text) throws Exception {
        synchronized (logs) {
            log.sent++;
        }
        Instant giveUp = Instant.now().plus(GIVE_UP_AFTER);
        while (Instant.now().isBefore(giveUp)) {
            HttpResponse<String> answer;
            try {
                answer = client.putNote(log.learner, log.token, path, text);
            } catch (IOException dropped) {
                // The service went away mid-request: the edit may or may not be stored; send it again.
                synchronized (logs) {
                    log.droppedAttempts++;
                }
                Thread.sleep(200);
                continue;
            }
            int status = answer.statusCode();
            if (status == 200 || status == 202) {
                JsonNode body = PlatformClient.JSON.readTree(answer.body());
                synchronized (logs) {
                    log.accepted++;
                    log.acceptedRevisions.computeIfAbsent(path, p -> new TreeSet<>()).add(body.path("revision").asLong());
                    log.lastAccepted.put(path, text);
                }
                return;
            }
            if (status >= 500) {
                boolean clearRefusal = status == 503 && answer.headers().firstValue("Retry-After").isPresent();
                synchronized (logs) {
                    if (clearRefusal) {
                        log.refusedAttempts++;
                    } else {
                        log.failedAttempts++;
                    }
                }
                Thread.sleep(500);
                continue;
            }
            throw new AssertionError("edit " + path + " refused with " + status + ": " + answer.body());
        }
        synchronized (logs) {
            log.notAccepted++;
        }
    }

    /**
     * A daily note: lessons watched, read and practised (some done), maybe what was studied and a
     * question; one in four is an untouched template (not activity). The edit's number makes every
     * edit a new text.
     */
    static String note(String path, int edit, Random random) {
        String date = path.substring("Daily/".length(), path.length() - ".md".length());
        boolean template = random.nextInt(4) == 0;
        int lesson = 1 + random.nextInt(8);
        StringBuilder text = new StringBuilder("# ").append(date).append("\n\nEdit ").append(edit).append(".\n\n");
        text.append("## Goals for Today\n");
        text.append(box(random, template)).append(" Watch the [Lesson ").append(lesson).append(" video](")
                .append(String.format(COURSE_URL, lesson)).append(")\n");
        text.append(box(random, template)).append(" Read the book chapter for Lesson ").append(lesson).append('\n');
        text.append(box(random, template)).append(" Run the Lesson ").append(lesson).append(" notebook on Kaggle\n");
        text.append(box(random, template)).append(" Lesson ").append(lesson).append(" questionnaire\n");
        text.append("## What I Studied\n");
        if (!template && random.nextBoolean()) {
            text.append("- How lesson ").append(lesson).append(" builds its data loaders\n");
        }
        text.append("## Questions\n");
        if (!template && random.nextInt(3) == 0) {
            text.append("- Why does lesson ").append(lesson).append(" start from a pretrained model?\n");
        }
        return text.toString();
    }

    private static String box(Random random, boolean template) {
        return template || random.nextInt(3) == 0 ? "- [ ]" : "- [x]";
    }
}
