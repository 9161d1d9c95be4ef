package io.coursetracker.tracker.live;

import io.coursetracker.localstack.KafkaBroker;
import io.coursetracker.localstack.LocalStack;
import io.coursetracker.localstack.LocalStackTestResource;
import io.coursetracker.localstack.PostgresServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What {@link LocalStackTestResource} gives (a real Kafka broker and PostgreSQL, database
 * {@code tracker}), with the broker handed to the test (a field marked {@link Broker}) so that the
 * test can stop and start it, as the fault suite does. The live feed looks for new partitions every
 * second here, so that an outage reaches that check at once rather than within the minute it takes
 * by default. Restricted to the test that uses it, and started after the stack every test shares
 * ({@link LocalStackTestResource}, which Quarkus starts for it too), so that its settings are the ones
 * this test's tracker-api uses and stopping its broker affects no other test.
 */
public class KafkaRestartTestResource implements QuarkusTestResourceLifecycleManager {
    /** Marks the test's {@link KafkaBroker} field. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Broker {
    }

    private Path dataDir;
    private LocalStack stack;

    @Override
    public Map<String, String> start() {
        try {
            dataDir = Files.createTempDirectory("course-tracker-test-");
            stack = LocalStack.onFreePorts(dataDir).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return Map.of(
                "kafka.bootstrap.servers", stack.bootstrapServers(),
                "quarkus.datasource.jdbc.url", stack.jdbcUrl("tracker"),
                "quarkus.datasource.username", PostgresServer.USER,
                "quarkus.datasource.password", PostgresServer.PASSWORD,
                "tracker.live.partition-check", "PT1S");
    }

    @Override
    public int order() {
        return Integer.MAX_VALUE; // last, so that its settings win over the shared stack's
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(stack.kafka(), new TestInjector.AnnotatedAndMatchesType(Broker.class, KafkaBroker.class));
    }

    @Override
    public void stop() {
        try {
            if (stack != null) {
                stack.close();
            }
            if (dataDir != null) {
                try (Stream<Path> files = Files.walk(dataDir)) {
                    files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
