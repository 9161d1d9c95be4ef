package io.coursetracker.benchmarks.dashboards;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The load generator, run as its own JVM (a second process on loopback, as a client would be):
 * sends GETs at a fixed rate, open loop, rotating over the requests in a file (one
 * {@code url<TAB>bearer token} a line), and measures each latency from the request's
 * <em>intended</em> send time, so a stalled server shows in the figures instead of slowing the
 * client down (no coordinated omission). Prints one line:
 * {@code RESULT sent ok errors achieved p50 p90 p99 p999 max bytes} (times in microseconds).
 *
 * <p>Usage: {@code LoadClient requestsFile ratePerSecond warmupSeconds seconds}
 */
public final class LoadClient {
    private LoadClient() {
    }

    public static void main(String[] args) throws Exception {
        List<String[]> requests = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[0]))) {
            if (!line.isBlank()) {
                requests.add(line.split("\t", 2));
            }
        }
        int rate = Integer.parseInt(args[1]);
        int warmupSeconds = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);

        // HTTP/1.1 with keep-alive: the pool opens as many connections as requests are in flight.
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newFixedThreadPool(4, runnable -> {
                    Thread thread = new Thread(runnable, "load-client");
                    thread.setDaemon(true);
                    return thread;
                }))
                .build();
        List<HttpRequest> prepared = new ArrayList<>();
        for (String[] request : requests) {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(request[0])).timeout(Duration.ofSeconds(30)).GET();
            if (request.length > 1 && !request[1].isBlank()) {
                builder.header("Authorization", "Bearer " + request[1]);
            }
            prepared.add(builder.build());
        }

        run(http, prepared, rate, warmupSeconds, new ConcurrentHistogram(3_600_000_000L, 3), new AtomicLong(), new AtomicLong(), new AtomicLong());
        Histogram histogram = new ConcurrentHistogram(3_600_000_000L, 3);
        AtomicLong ok = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        long started = System.nanoTime();
        long sent = run(http, prepared, rate, seconds, histogram, ok, errors, bytes);
        double elapsed = (System.nanoTime() - started) / 1e9;
        System.out.printf(Locale.ROOT, "RESULT %d %d %d %.1f %d %d %d %d %d %d%n", sent, ok.get(), errors.get(), ok.get() / elapsed,
                histogram.getValueAtPercentile(50), histogram.getValueAtPercentile(90), histogram.getValueAtPercentile(99),
                histogram.getValueAtPercentile(99.9), histogram.getMaxValue(), ok.get() == 0 ? 0 : bytes.get() / ok.get());
        System.out.flush();
        System.exit(0);
    }

    /** Sends {@code rate × seconds} requests at their intended times; returns when every answer is in (or timed out). */
    private static long run(HttpClient http, List<HttpRequest> requests, int rate, int seconds, Histogram histogram,
                            AtomicLong ok, AtomicLong errors, AtomicLong bytes) throws InterruptedException {
        long total = (long) rate * seconds;
        if (total == 0) {
            return 0;
        }
        long periodNanos = 1_000_000_000L / rate;
        CountDownLatch done = new CountDownLatch((int) total);
        long start = System.nanoTime() + 10_000_000L;
        for (long i = 0; i < total; i++) {
            long intended = start + i * periodNanos;
            long wait;
            while ((wait = intended - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            // Bodies are counted as they stream in, never held: a server falling behind must not fill this JVM's heap.
            AtomicLong received = new AtomicLong();
            http.sendAsync(requests.get((int) (i % requests.size())),
                            HttpResponse.BodyHandlers.ofByteArrayConsumer(chunk -> chunk.ifPresent(b -> received.addAndGet(b.length))))
                    .whenComplete((response, failure) -> {
                        long micros = (System.nanoTime() - intended) / 1000;
                        histogram.recordValue(Math.min(micros, histogram.getHighestTrackableValue()));
                        if (failure == null && response.statusCode() == 200) {
                            ok.incrementAndGet();
                            bytes.addAndGet(received.get());
                        } else {
                            errors.incrementAndGet();
                            if (errors.get() <= 3) {
                                System.err.println("failed: " + (failure != null ? failure : "HTTP " + response.statusCode()));
                            }
                        }
                        done.countDown();
                    });
        }
        done.await(60, TimeUnit.SECONDS);
        return total;
    }
}
