package io.coursetracker.support.web;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.sql.DriverManager;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class DatabaseOutageTest {

    @Test
    void theDriversConnectionRefusedIsAnOutageEvenWrappedTwice() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Throwable refused = catchThrowable(() -> DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + closedPort + "/ingest?connectTimeout=2", "postgres", "postgres"));

        assertThat(refused).isInstanceOf(SQLException.class);
        assertThat(DatabaseOutage.causedBy(new IllegalStateException("persist failed", new RuntimeException(refused)))).isTrue();
    }

    @Test
    void aPoolThatGaveUpWaitingIsAnOutage() {
        assertThat(DatabaseOutage.causedBy(new SQLException("Sorry, acquisition timeout!"))).isTrue();
    }

    @Test
    void aServerShuttingDownIsAnOutage() {
        assertThat(DatabaseOutage.causedBy(new SQLException("terminating connection due to administrator command", "57P01"))).isTrue();
    }

    @Test
    void aCommitCutByTheServerShuttingDownIsAnOutage() {
        // What Narayana reports when PostgreSQL terminates the connection during commit.
        Exception rollback = new Exception("ARJUNA016053: Could not commit transaction.");
        Exception xa = new Exception("Error trying to transactionCommit local transaction");
        xa.initCause(new SQLException("FATAL: terminating connection due to administrator command", "57P01"));
        rollback.addSuppressed(xa);

        assertThat(DatabaseOutage.causedBy(new RuntimeException("Error invoking subclass method", rollback))).isTrue();
    }

    @Test
    void aConstraintViolationOrABugIsNot() {
        assertThat(DatabaseOutage.causedBy(new SQLException("duplicate key", "23505"))).isFalse();
        assertThat(DatabaseOutage.causedBy(new NullPointerException())).isFalse();
    }
}
