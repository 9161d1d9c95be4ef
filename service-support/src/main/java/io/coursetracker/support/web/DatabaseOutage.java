package io.coursetracker.support.web;

import java.sql.SQLException;

/**
 * Tells a failure caused by the database being unreachable (down, restarting, refusing connections)
 * from any other failure, so the caller gets a 503 with Retry-After instead of a 500.
 */
final class DatabaseOutage {
    static final int RETRY_AFTER_SECONDS = 5;

    private DatabaseOutage() {
    }

    static boolean causedBy(Throwable failure) {
        return causedBy(failure, 0);
    }

    /**
     * Walks causes and suppressed exceptions: a commit that fails because the server went away is
     * reported by the transaction manager as a RollbackException with the driver's error suppressed.
     */
    private static boolean causedBy(Throwable failure, int depth) {
        if (failure == null || depth > 20) {
            return false;
        }
        if (failure instanceof SQLException sql && unreachable(sql)) {
            return true;
        }
        // Hibernate's wrapper for a connection that could not be made or was lost.
        if (failure.getClass().getName().equals("org.hibernate.exception.JDBCConnectionException")) {
            return true;
        }
        for (Throwable suppressed : failure.getSuppressed()) {
            if (causedBy(suppressed, depth + 1)) {
                return true;
            }
        }
        return failure.getCause() != failure && causedBy(failure.getCause(), depth + 1);
    }

    private static boolean unreachable(SQLException sql) {
        String state = sql.getSQLState();
        if (state != null) {
            // 08: connection exceptions; 57P01-57P03: the server is shutting down or not accepting connections yet.
            return state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03");
        }
        // Agroal gives up waiting for a connection with a plain SQLException and no state.
        String message = sql.getMessage();
        return message != null && message.contains("acquisition timeout");
    }
}
