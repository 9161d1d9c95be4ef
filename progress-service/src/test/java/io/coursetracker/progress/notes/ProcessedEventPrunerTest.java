package io.coursetracker.progress.notes;

import io.coursetracker.localstack.LocalStackTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.junit.jupiter.api.Test;

import java.sql.PreparedStatement;
import java.sql.ResultSet;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Boots progress-service against a real PostgreSQL: the record of applied event ids is kept 14 days, then forgotten. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "progress"))
class ProcessedEventPrunerTest {
    @Inject
    ProcessedEventPruner pruner;

    @Inject
    ProcessedEventRepository processed;

    @Inject
    EntityManager entityManager;

    @Test
    void idsAppliedLongerAgoThanTheKeptTimeAreForgottenAndTheRestStillRecogniseDuplicates() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<UUID> fifteenDaysOld = record(3, now.minus(Duration.ofDays(15)));
        List<UUID> thirteenDaysOld = record(3, now.minus(Duration.ofDays(13)));
        List<UUID> justNow = record(3, now);

        assertThat(pruner.prune(now)).isGreaterThanOrEqualTo(3);

        assertThat(stored(fifteenDaysOld)).isEmpty();
        assertThat(stored(thirteenDaysOld)).containsExactlyInAnyOrderElementsOf(thirteenDaysOld);
        assertThat(stored(justNow)).containsExactlyInAnyOrderElementsOf(justNow);
        // What is kept still marks a redelivered event as seen.
        assertThat(QuarkusTransaction.requiringNew().call(() -> processed.firstTimes(thirteenDaysOld))).isEmpty();
    }

    @Test
    void aBacklogLargerThanOneChunkIsDeletedWhole() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<UUID> old = record(ProcessedEventPruner.CHUNK + 5, now.minus(Duration.ofDays(30)));

        assertThat(pruner.prune(now)).isGreaterThanOrEqualTo(old.size());

        assertThat(stored(old)).isEmpty();
        assertThat(pruner.prune(now)).isZero();
    }

    /** Records {@code count} new event ids as applied at {@code appliedAt}. */
    private List<UUID> record(int count, Instant appliedAt) {
        List<UUID> ids = IntStream.range(0, count).mapToObj(i -> UUID.randomUUID()).toList();
        QuarkusTransaction.requiringNew().run(() -> {
            assertThat(processed.firstTimes(ids)).hasSize(count);
            entityManager.unwrap(Session.class).doWork(connection -> {
                try (PreparedStatement update = connection.prepareStatement(
                        "UPDATE processed_event SET processed_at = ? WHERE event_id = ANY(?)")) {
                    update.setObject(1, appliedAt.atOffset(ZoneOffset.UTC));
                    update.setArray(2, connection.createArrayOf("uuid", ids.toArray()));
                    assertThat(update.executeUpdate()).isEqualTo(count);
                }
            });
        });
        return ids;
    }

    /** Those of {@code ids} that processed_event still holds. */
    private List<UUID> stored(List<UUID> ids) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.unwrap(Session.class).doReturningWork(connection -> {
            List<UUID> found = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT event_id FROM processed_event WHERE event_id = ANY(?)")) {
                select.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        found.add(rows.getObject(1, UUID.class));
                    }
                }
            }
            return found;
        }));
    }
}
