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
 * progress-service's side of the contract is tested there (ConditionalDashboardTest).
 */
public class FakeProgressService implements QuarkusTestResourceLifecycleManager {
    /** One request as it arrived: the learner, the query, the If-None-Match header (or null), and the status answered. */
    public record Asked(String learnerId, String query, String ifNoneMatch, int status) {
    }

    private static final Map<String, AtomicInteger> NOTES = new ConcurrentHashMap<>();
    private static final List<Asked> ASKED = new CopyOnWriteArrayList<>();
    private static volatile int failWith;
    private HttpServer server;

    /** A note of this learner's is applied: the dashboard's content and ETag move. */
    public static void applyNote(String learnerId) {
        NOTES.computeIfAbsent(learnerId, id -> new AtomicInteger()).incrementAndGet();
    }

    /** Answer every dashboard read with this status and an error body, as progress-service's errors have (0: answer normally). */
    public static void failWith(int status) {
        failWith = status;
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
        server.start();
        return Map.of("quarkus.rest-client.progress-service.url", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String[] path = exchange.getRequestURI().getPath().split("/"); // "", v1, learners, {id}, dashboard
            String query = exchange.getRequestURI().getRawQuery();
            if (path.length != 5 || !path[4].equals("dashboard") || !"Bearer test-admin-token".equals(
                    exchange.getRequestHeaders().getFirst("Authorization"))) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            String learnerId = path[3];
            String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
            if (failWith != 0) {
                ASKED.add(new Asked(learnerId, query, ifNoneMatch, failWith));
                byte[] error = ("{\"error\":\"failed with " + failWith + "\",\"detail\":\"as the test asked\"}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(failWith, error.length);
                exchange.getResponseBody().write(error);
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

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
