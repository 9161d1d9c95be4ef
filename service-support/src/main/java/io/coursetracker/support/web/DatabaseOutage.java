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
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && unreachable(sql)) {
                return true;
            }
            // Hibernate's and Agroal's wrappers for a connection that could not be made or was lost.
            String type = cause.getClass().getName();
            if (type.equals("org.hibernate.exception.JDBCConnectionException")) {
                return true;
            }
        }
        return false;
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
