package io.coursetracker.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One service (a packaged Quarkus app) running as its own JVM, its output in a log file. */
public final class ServiceProcess implements AutoCloseable {
    /**
     * System property with extra JVM options for every service started, space-separated: how a
     * benchmark turns on JFR or native memory tracking without changing how the services run.
     */
    public static final String EXTRA_JVM_OPTIONS = "coursetracker.service.jvm-options";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final Path logFile;
    private final Process process;

    private ServiceProcess(String name, int port, Path logFile, Process process) {
        this.name = name;
        this.port = port;
        this.logFile = logFile;
        this.process = process;
    }

    /** Starts {@code java -jar jar} with {@code env} added to this process's environment. */
    public static ServiceProcess start(String name, Path jar, int port, Map<String, String> env, Path logFile)
            throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IOException(name + " is not built: " + jar + " is missing (run ./mvnw package -DskipTests)");
        }
        Files.createDirectories(logFile.getParent());
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // Each service must stay under 300 MiB resident (docs/benchmarks.md, Memory and start-up). The
                // serial collector keeps whatever heap it once grew to, and a service's non-heap (metaspace,
                // code, symbols, threads) is ~170 MiB, so the heap is capped at 128 MiB: the services' live
                // data stays well below it, even with ten 1,000-note vaults uploading at once.
                "-Xms32m", "-Xmx128m", "-XX:+UseSerialGC",
                // C1 only: on a two-core laptop running three services, Kafka and PostgreSQL, C2's
                // compiler threads took 45-55 % of each service's CPU during the ingest benchmark (async-profiler)
                // and tens of MiB of code cache and arenas. Without C2 the stack starts faster, the ingest
                // benchmark ran faster end to end and every service stayed under 300 MiB (docs/benchmarks.md).
                "-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=48m"));
        String extra = System.getProperty(EXTRA_JVM_OPTIONS, "").strip();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        // glibc gives busy threads their own malloc arenas (up to 8 per core), each holding on to freed
        // memory: 30-50 MiB of RSS per service that native memory tracking does not even show.
        builder.environment().put("MALLOC_ARENA_MAX", "2");
        builder.environment().putAll(env);
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        return new ServiceProcess(name, port, logFile, builder.start());
    }

    public String name() {
        return name;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public Path logFile() {
        return logFile;
    }

    /** The operating system's process id, for reading its memory (RSS) or sending it signals. */
    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits until {@code /q/health/ready} answers 200; fails early if the process dies. */
    public void awaitReady(Duration limit) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        HttpRequest ready = HttpRequest.newBuilder(URI.create(url() + "/q/health/ready")).timeout(Duration.ofSeconds(2)).build();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IOException(name + " exited with " + process.exitValue() + "; see " + logFile + "\n" + tail());
            }
            try {
                if (HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // starting up
            }
            Thread.sleep(200);
        }
        throw new IOException(name + " was not ready within " + limit.toSeconds() + " s; see " + logFile + "\n" + tail());
    }

    /** SIGKILL, as a crash would. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, then SIGKILL if it has not stopped in 20 s. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            kill();
        }
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(logFile);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }
}
