package dev.consentry.testkit;

import dev.consentry.devstack.Database;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A service's migrations, all of them (the platform's and its own), applied to an empty database of their own and
 * checked against {@link TenantDistribution}; and the service's script in {@code deploy/citus/} checked against the
 * schema they make. Each service's {@code TenantDistributionTest} extends this.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class TenantDistributionTests {

    /** The platform's bookkeeping in every service's database, kept on the coordinator. */
    public static final Set<String> PLATFORM_LOCAL = Set.of("outbox_message", "processed_event", "flyway_schema_history");

    private static final Pattern DISTRIBUTE = Pattern.compile(
            "SELECT create_(distributed|reference)_table\\('([a-z_]+)'(?:, '([a-z_]+)')?");

    private final String service;
    private final Set<String> reference;
    private final Set<String> local;
    private TenantDistribution.Schema schema;

    protected TenantDistributionTests(String service, Set<String> reference, Set<String> serviceLocal) {
        this.service = service;
        this.reference = reference;
        this.local = new TreeSet<>(PLATFORM_LOCAL);
        this.local.addAll(serviceLocal);
    }

    @BeforeAll
    void migrateAnEmptyDatabase() throws Exception {
        Database db = TestInfrastructure.postgres().database(service.replace('-', '_') + "_distribution");
        Flyway flyway = Flyway.configure().dataSource(db.jdbcUrl(), db.user(), db.password())
                .locations("classpath:db/platform", "classpath:db/migration").cleanDisabled(false).load();
        flyway.clean();
        flyway.migrate();
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password())) {
            schema = TenantDistribution.read(c);
        }
    }

    @Test
    void scale_everyTableIsAShopsTableKeyedByTenantAReferenceTableOrLocalBookkeeping() {
        List<String> violations = TenantDistribution.violations(schema, reference, local);
        assertTrue(violations.isEmpty(), "not ready to be distributed by tenant:\n" + String.join("\n", violations));
    }

    @Test
    void scale_theDeployScriptDistributesExactlyTheShopsTablesAfterWhatTheyReferTo() throws IOException {
        Path script = Path.of("..", "deploy", "citus", service + ".sql");
        List<String[]> statements = new ArrayList<>();
        Matcher m = DISTRIBUTE.matcher(Files.readString(script));
        while (m.find()) {
            statements.add(new String[]{m.group(1), m.group(2), m.group(3)});
        }
        Set<String> distributed = new TreeSet<>();
        Set<String> referenceInScript = new TreeSet<>();
        List<String> order = new ArrayList<>();
        for (String[] s : statements) {
            if (s[0].equals("distributed")) {
                assertEquals(TenantDistribution.TENANT, s[2], script + ": " + s[1] + " is distributed by its tenant");
                distributed.add(s[1]);
            } else {
                referenceInScript.add(s[1]);
            }
            order.add(s[1]);
        }
        assertEquals(new TreeSet<>(reference), referenceInScript, script + ": reference tables");
        assertEquals(TenantDistribution.distributed(schema, reference, local), distributed, script + ": the shops' tables");
        for (TenantDistribution.ForeignKey key : schema.foreignKeys()) {
            if (!key.table().equals(key.referenced())) {
                assertTrue(order.indexOf(key.referenced()) < order.indexOf(key.table()),
                        script + ": " + key.referenced() + " is distributed before " + key.table() + ", which refers to it");
            }
        }
    }
}
