package io.coursetracker.progress.reads;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code read_version} counters (migration V6): one per learner, moved by triggers in the
 * transaction of every change to the rows the learner's reads come from, and one for the catalogs.
 * A read computed after reading a learner's {@link Stamp} is at least as new as that stamp, so it
 * may be served again for as long as the stamp stays the same.
 */
@ApplicationScoped
public class ReadVersions {
    static final String CATALOGS = "*catalogs";

    /** What a learner's reads depended on when they were computed. */
    public record Stamp(long learner, long catalogs) {
    }

    private final AgroalDataSource dataSource;

    public ReadVersions(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Stamp of(String learnerId) {
        return of(List.of(learnerId)).get(learnerId);
    }

    /** The stamps of these learners, read in one statement (0 for a learner nothing was written for yet). */
    public Map<String, Stamp> of(Collection<String> learnerIds) {
        List<String> keys = new ArrayList<>(learnerIds);
        keys.add(CATALOGS);
        Map<String, Long> versions = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT learner_id, version FROM read_version WHERE learner_id = ANY (?)")) {
            Array ids = connection.createArrayOf("text", keys.toArray());
            query.setArray(1, ids);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    versions.put(rows.getString(1), rows.getLong(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading read_version failed", e);
        }
        long catalogs = versions.getOrDefault(CATALOGS, 0L);
        Map<String, Stamp> stamps = new HashMap<>();
        for (String learnerId : learnerIds) {
            stamps.put(learnerId, new Stamp(versions.getOrDefault(learnerId, 0L), catalogs));
        }
        return stamps;
    }
}
