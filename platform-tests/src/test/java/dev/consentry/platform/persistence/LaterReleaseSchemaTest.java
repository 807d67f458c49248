package dev.consentry.platform.persistence;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

/**
 * A pod of a release starts against a schema that a later release migrated (a pod restarted during a rolling update,
 * a rollback): a migration it does not know yet is no reason to refuse (deploy/README.md, "Upgrade and rollback").
 */
@QuarkusTest
class LaterReleaseSchemaTest {

    @Inject
    Flyway flyway;

    @Inject
    AgroalDataSource db;

    @Test
    void aMigrationOfALaterReleaseDoesNotStopThisOneFromStarting() throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("""
                    INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum,
                        installed_by, execution_time, success)
                    SELECT max(installed_rank) + 1, '9999', 'a later release', 'SQL', 'V9999__a_later_release.sql', 1,
                        current_user, 1, true FROM flyway_schema_history""");
            try {
                assertDoesNotThrow(() -> flyway.validate());
                assertDoesNotThrow(() -> flyway.migrate());
            } finally {
                s.execute("DELETE FROM flyway_schema_history WHERE version = '9999'");
            }
        }
    }
}
