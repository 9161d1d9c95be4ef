package io.coursetracker.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** ingest-service over HTTP with the learner's token. The token is sent, never shown. */
public final class IngestClient implements NoteSender {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI server;
    private final String learner;
    private final String token;

    public IngestClient(URI server, String learner, String token) {
        String base = server.toString();
        this.server = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
        this.learner = learner;
        this.token = token;
    }

    @Override
    public SendResult put(String notePath, byte[] content) throws InterruptedException {
        return send(request(noteUri(notePath)).header("Content-Type", "text/markdown")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(content)), false);
    }

    @Override
    public SendResult delete(String notePath) throws InterruptedException {
        return send(request(noteUri(notePath)).DELETE(), true);
    }

    /** The server's answer to a zipped vault; a non-2xx status means the upload as a whole was refused. */
    public record UploadAnswer(int status, JsonNode body, String text) {
    }

    public UploadAnswer upload(byte[] zip, boolean mirror) throws IOException, InterruptedException {
        URI uri = URI.create(server + "/v1/learners/" + VaultPaths.encode(learner) + "/vault" + (mirror ? "?mirror=true" : ""));
        HttpResponse<String> response = http.send(request(uri).timeout(Duration.ofMinutes(5))
                .header("Content-Type", "application/zip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(zip)).build(), HttpResponse.BodyHandlers.ofString());
        return new UploadAnswer(response.statusCode(), parse(response.body()), response.body());
    }

    private URI noteUri(String notePath) {
        return URI.create(server + "/v1/learners/" + VaultPaths.encode(learner) + "/notes/" + VaultPaths.encode(notePath));
    }

    private HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token);
    }

    private SendResult send(HttpRequest.Builder request, boolean isDelete) throws InterruptedException {
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            // Connection refused, reset or timed out: the service is away, not the note wrong.
            return SendResult.unreachable(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
        int status = response.statusCode();
        String message = describe(status, response.body());
        if (status == 404 && isDelete) {
            // Already gone on the server (deleted earlier, or never accepted): what we wanted.
            return new SendResult(SendResult.Kind.DONE, status, "already gone");
        }
        if (status == 404) {
            return new SendResult(SendResult.Kind.REFUSED, status, message);
        }
        return SendResult.of(status, message);
    }

    /** {@code accepted, revision 3} for a success; the JSON error as {@code error: detail} otherwise. */
    static String describe(int status, String body) {
        JsonNode json = parse(body);
        if (status >= 200 && status < 300) {
            String word = json.path("status").asText("ok");
            return json.has("revision") ? word + ", revision " + json.path("revision").asLong() : word;
        }
        if (json.has("error")) {
            String detail = json.path("detail").asText("");
            return json.path("error").asText() + (detail.isEmpty() ? "" : ": " + detail);
        }
        return body == null || body.isBlank() ? "HTTP " + status : body.strip();
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? JSON.missingNode() : JSON.readTree(body);
        } catch (IOException notJson) {
            return JSON.missingNode();
        }
    }
}
