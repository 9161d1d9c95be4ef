package io.coursetracker.tracker.progress;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands in for progress-service's learner dashboard in tracker-api's tests (which run without
 * progress-service), keeping its contract: the body carries a strong ETag that moves with every
 * applied note ({@link #applyNote}), and {@code If-None-Match} naming the current ETag is answered
 * 304 with no body. Records what it was asked and answered, so a test can tell a 304 from a 200.
 * progress-service's side of the contract is tested there (ConditionalDashboardTest). The streak,
 * calendar and summary reads get the least body tracker-api can pass on, and are recorded
 * ({@link #otherReads}) so a test can tell that a bad parameter never reached progress-service.
 */
public class FakeProgressService implements QuarkusTestResourceLifecycleManager {
    /** One request as it arrived: the learner, the query, the If-None-Match header (or null), and the status answered. */
    public record Asked(String learnerId, String query, String ifNoneMatch, int status) {
    }

    private static final Map<String, AtomicInteger> NOTES = new ConcurrentHashMap<>();
    private static final List<Asked> ASKED = new CopyOnWriteArrayList<>();
    private static final List<String> OTHER_READS = new CopyOnWriteArrayList<>();
    private static volatile int failWith;
    private static volatile String failContentType = "application/json";
    private static volatile String failBody;
    private HttpServer server;

    /** A note of this learner's is applied: the dashboard's content and ETag move. */
    public static void applyNote(String learnerId) {
        NOTES.computeIfAbsent(learnerId, id -> new AtomicInteger()).incrementAndGet();
    }

    /** Answer every dashboard read with this status and an error body, as progress-service's errors have (0: answer normally). */
    public static void failWith(int status) {
        failWith(status, "application/json", null);
    }

    /** Answer every learner read with this status, content type and body (null body: progress-service's JSON error). */
    public static void failWith(int status, String contentType, String body) {
        failContentType = contentType;
        failBody = body;
        failWith = status;
    }

    /**
     * The streak, calendar and summary calls that reached this stand-in, as "path?query" (or
     * "/v1/summaries " and the body): a bad date must be refused before any reaches it.
     */
    public static List<String> otherReads() {
        return List.copyOf(OTHER_READS);
    }

    public static List<Asked> askedFor(String learnerId) {
        return ASKED.stream().filter(asked -> asked.learnerId().equals(learnerId)).toList();
    }

    static String etag(String learnerId, String query) {
        return "\"" + notes(learnerId) + "-" + (query == null ? "today" : query) + "\"";
    }

    private static int notes(String learnerId) {
        AtomicInteger notes = NOTES.get(learnerId);
        return notes == null ? 0 : notes.get();
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/v1/learners/", this::answer);
        server.createContext("/v1/summaries", this::summaries);
        server.start();
        return Map.of("quarkus.rest-client.progress-service.url", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String[] path = exchange.getRequestURI().getPath().split("/"); // "", v1, learners, {id}, dashboard
            String query = exchange.getRequestURI().getRawQuery();
            boolean known = path.length == 5 && List.of("dashboard", "streak", "calendar").contains(path[4]);
            if (!known || !"Bearer test-admin-token".equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            String learnerId = path[3];
            String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
            if (failWith != 0) {
                if (path[4].equals("dashboard")) {
                    ASKED.add(new Asked(learnerId, query, ifNoneMatch, failWith));
                }
                byte[] error = (failBody != null ? failBody
                        : "{\"error\":\"failed with " + failWith + "\",\"detail\":\"as the test asked\"}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", failContentType);
                exchange.sendResponseHeaders(failWith, error.length);
                exchange.getResponseBody().write(error);
                return;
            }
            if (!path[4].equals("dashboard")) {
                OTHER_READS.add(exchange.getRequestURI().getPath() + "?" + (query == null ? "" : query));
                // Only what tracker-api passes on: the streak's asOf as asked (or a fixed today), an empty calendar.
                String asOf = query != null && query.startsWith("asOf=") ? query.substring(5) : "2026-03-10";
                json(exchange, 200, path[4].equals("calendar") ? "[]"
                        : "{\"asOf\":\"" + asOf + "\",\"current\":0,\"longest\":0,\"activeToday\":false,\"restDaysPerWeek\":0}");
                return;
            }
            String etag = etag(learnerId, query);
            exchange.getResponseHeaders().add("ETag", etag);
            if (etag.equals(ifNoneMatch)) {
                ASKED.add(new Asked(learnerId, query, ifNoneMatch, 304));
                exchange.sendResponseHeaders(304, -1);
                return;
            }
            byte[] body = ("{\"learnerId\":\"" + learnerId + "\",\"notes\":" + notes(learnerId) + ",\"query\":\""
                    + (query == null ? "" : query) + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            ASKED.add(new Asked(learnerId, query, ifNoneMatch, 200));
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    /**
     * {@code POST /v1/summaries}: no learners' numbers, only the course and the 30 days up to the
     * asked asOf, as progress-service frames them; a day it cannot take 30 days from is its 500.
     */
    private void summaries(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            OTHER_READS.add("/v1/summaries " + body);
            java.util.regex.Matcher asOf = java.util.regex.Pattern.compile("\"asOf\":\"([^\"]*)\"").matcher(body);
            java.util.regex.Matcher course = java.util.regex.Pattern.compile("\"course\":\"([^\"]*)\"").matcher(body);
            try {
                java.time.LocalDate day = java.time.LocalDate.parse(asOf.find() ? asOf.group(1) : "");
                json(exchange, 200, "{\"course\":\"" + (course.find() ? course.group(1) : "") + "\",\"title\":\"A course\",\"asOf\":\""
                        + day + "\",\"from\":\"" + day.minusDays(29) + "\",\"lessons\":[],\"learners\":[]}");
            } catch (RuntimeException e) {
                json(exchange, 500, "{\"error\":\"internal error\",\"detail\":\"" + e.getClass().getSimpleName() + "\"}");
            }
        }
    }

    private static void json(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
