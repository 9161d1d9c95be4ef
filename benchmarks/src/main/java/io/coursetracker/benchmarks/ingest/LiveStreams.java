package io.coursetracker.benchmarks.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Each learner's live stream on tracker-api ({@code GET /v1/learners/{id}/events}), read as a
 * browser would. A note's change is visible when tracker-api delivers the {@code NoteApplied} of its
 * revision: progress-service publishes it in the transaction that changed the learner's progress, so
 * from then on every read on tracker-api shows the change. Records when each arrived.
 */
final class LiveStreams implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final Map<String, Long> appliedAt = new ConcurrentHashMap<>();
    private final AtomicLong applied = new AtomicLong();
    private final AtomicLong lastAppliedAt = new AtomicLong();
    private final List<Thread> readers = new ArrayList<>();
    private final List<Stream<String>> bodies = new ArrayList<>();

    LiveStreams(HttpClient http) {
        this.http = http;
    }

    static String key(String learner, String notePath, long revision) {
        return learner + '|' + notePath + '|' + revision;
    }

    /** Opens the learner's stream and returns once its {@code ready} event arrived. */
    void open(String trackerUrl, String learner, String token) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(trackerUrl + "/v1/learners/" + learner + "/events"))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").GET().build();
        HttpResponse<Stream<String>> response = http.send(request, HttpResponse.BodyHandlers.ofLines());
        if (response.statusCode() != 200) {
            throw new IOException("live stream of " + learner + " answered " + response.statusCode());
        }
        CountDownLatch ready = new CountDownLatch(1);
        Stream<String> lines = response.body();
        synchronized (bodies) {
            bodies.add(lines);
        }
        Thread reader = new Thread(() -> read(learner, lines.iterator(), ready), "sse-" + learner);
        reader.setDaemon(true);
        reader.start();
        readers.add(reader);
        if (!ready.await(30, TimeUnit.SECONDS)) {
            throw new IOException("live stream of " + learner + " sent no ready event");
        }
    }

    private void read(String learner, Iterator<String> lines, CountDownLatch ready) {
        String event = null;
        StringBuilder data = new StringBuilder();
        try {
            while (lines.hasNext()) {
                String line = lines.next();
                if (line.isEmpty()) {
                    if ("ready".equals(event)) {
                        ready.countDown();
                    } else if ("NoteApplied".equals(event)) {
                        long now = System.nanoTime();
                        JsonNode applied = JSON.readTree(data.toString());
                        appliedAt.putIfAbsent(key(learner, applied.path("notePath").asText(), applied.path("revision").asLong()), now);
                        this.applied.incrementAndGet();
                        lastAppliedAt.set(now);
                    }
                    event = null;
                    data.setLength(0);
                } else if (line.startsWith("event:")) {
                    event = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).strip());
                }
            }
        } catch (Exception closed) {
            // the stream ends when the benchmark closes it
        }
    }

    /** When the revision's NoteApplied arrived (System.nanoTime), or null. */
    Long appliedAt(String learner, String notePath, long revision) {
        return appliedAt.get(key(learner, notePath, revision));
    }

    long appliedCount() {
        return applied.get();
    }

    /** Waits until {@code count} NoteApplied events arrived in all, or the limit passed; returns whether they did. */
    boolean awaitApplied(long count, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        long nextReport = System.nanoTime() + 10_000_000_000L;
        while (applied.get() < count) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            if (System.nanoTime() > nextReport) {
                System.out.printf("  ... %,d of %,d notes visible%n", applied.get(), count);
                nextReport += 10_000_000_000L;
            }
            Thread.sleep(5);
        }
        return true;
    }

    long lastAppliedAt() {
        return lastAppliedAt.get();
    }

    @Override
    public void close() {
        synchronized (bodies) {
            bodies.forEach(Stream::close);
        }
        readers.forEach(Thread::interrupt);
    }
}
