package dev.consentry.dsr;

import dev.consentry.devstack.Database;
import dev.consentry.testkit.TestInfrastructure;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * C6, R14 across an upgrade (V121): the decisions kept before it — the latest per purpose in {@code subject_consent},
 * the history in {@code subject_consent_event} — are all in the history afterwards, with the notice versions, and the
 * latest in time is still the one in force.
 */
class ConsentDecisionsMigrationTest {

    @Test
    void C6_everyDecisionKeptBeforeTheUpgradeIsInTheHistoryAfterIt() throws Exception {
        Database db = TestInfrastructure.postgres().database("dsr_service_v121");
        flyway(db, "120").clean();
        flyway(db, "120").migrate();
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             Statement s = c.createStatement()) {
            // a decision from before the history existed (only its latest row), and a subject with a history
            s.execute("""
                    INSERT INTO subject_consent (tenant, subject_key, purpose_id, decision, decided_at, notice_version)
                    VALUES ('shop-a', 'key-old', 'newsletter', 'given', '2024-03-01T10:00:00Z', '2'),
                           ('shop-a', 'key-new', 'newsletter', 'withdrawn', '2025-06-01T10:00:00Z', '5')""");
            s.execute("""
                    INSERT INTO subject_consent_event (tenant, subject_key, purpose_id, decided_at, decision)
                    VALUES ('shop-a', 'key-new', 'newsletter', '2025-01-01T10:00:00Z', 'given'),
                           ('shop-a', 'key-new', 'newsletter', '2025-06-01T10:00:00Z', 'withdrawn')""");
        }

        flyway(db, "latest").migrate();

        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             Statement s = c.createStatement()) {
            assertEquals(List.of("key-new 2025-01-01 given null", "key-new 2025-06-01 withdrawn 5",
                    "key-old 2024-03-01 given 2"), rows(s, """
                    SELECT subject_key || ' ' || to_char(decided_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') || ' ' || decision
                        || ' ' || coalesce(notice_version, 'null')
                    FROM subject_consent_event ORDER BY subject_key, decided_at"""));
            assertEquals(List.of("0"), rows(s, "SELECT count(*) FROM subject_consent"), "the copy is emptied");
        }
    }

    /** The service's migrations up to {@code target}, on a database of this test's own. */
    private static Flyway flyway(Database db, String target) {
        return Flyway.configure().dataSource(db.jdbcUrl(), db.user(), db.password()).cleanDisabled(false)
                .locations("classpath:db/platform", "classpath:db/migration").target(target).load();
    }

    private static List<String> rows(Statement s, String sql) throws Exception {
        List<String> found = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                found.add(rs.getString(1));
            }
        }
        return found;
    }
}
