package dev.consentry.platform.persistence;

import dev.consentry.devstack.Database;
import dev.consentry.testkit.TenantDistribution;
import dev.consentry.testkit.TestInfrastructure;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The check every service's migrations pass (TenantDistributionTests) finds what would keep a table from sharding. */
class TenantDistributionRuleTest {

    @Test
    void scale_keysWithoutTheTenantAndReferencesAcrossTheKindsOfTableAreFound() throws Exception {
        Database db = TestInfrastructure.postgres().database("distribution_rule");
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS probe CASCADE");
            st.execute("CREATE SCHEMA probe");
            st.execute("SET search_path TO probe");
            st.execute("""
                    CREATE TABLE partner (id TEXT PRIMARY KEY);
                    CREATE TABLE bookkeeping (id BIGINT PRIMARY KEY);
                    CREATE TABLE good_parent (tenant TEXT NOT NULL, id UUID, partner_id TEXT REFERENCES partner (id),
                        PRIMARY KEY (tenant, id));
                    CREATE TABLE good_child (tenant TEXT NOT NULL, id UUID, parent_id UUID, PRIMARY KEY (tenant, id),
                        FOREIGN KEY (tenant, parent_id) REFERENCES good_parent (tenant, id));
                    CREATE TABLE keyed_by_id (id UUID PRIMARY KEY, tenant TEXT NOT NULL);
                    CREATE TABLE unique_without_tenant (tenant TEXT NOT NULL, id UUID, seq BIGINT UNIQUE,
                        PRIMARY KEY (tenant, id));
                    CREATE TABLE no_tenant (id UUID PRIMARY KEY);
                    CREATE TABLE nullable_tenant (tenant TEXT, id UUID, PRIMARY KEY (id));
                    CREATE TABLE good_child_other_order (tenant TEXT NOT NULL, id UUID, parent_id UUID,
                        PRIMARY KEY (tenant, id), FOREIGN KEY (parent_id, tenant) REFERENCES good_parent (id, tenant));
                    CREATE TABLE child_by_id (tenant TEXT NOT NULL, id UUID, owner TEXT, parent_id UUID,
                        PRIMARY KEY (tenant, id), FOREIGN KEY (owner, parent_id) REFERENCES good_parent (tenant, id));
                    CREATE TABLE refers_to_bookkeeping (tenant TEXT NOT NULL, id UUID, b BIGINT REFERENCES bookkeeping (id),
                        PRIMARY KEY (tenant, id));
                    ALTER TABLE partner ADD COLUMN favourite_tenant TEXT, ADD COLUMN favourite_id UUID,
                        ADD FOREIGN KEY (favourite_tenant, favourite_id) REFERENCES good_parent (tenant, id);
                    """);
            TenantDistribution.Schema schema = TenantDistribution.read(c);
            List<String> found = TenantDistribution.violations(schema, Set.of("partner"), Set.of("bookkeeping", "gone"));

            assertTrue(found.stream().noneMatch(v -> v.startsWith("good_")), found::toString);
            assertTrue(found.stream().anyMatch(v -> v.startsWith("gone: named as reference or local but not in the schema")), found::toString);
            assertTrue(found.stream().anyMatch(v -> v.startsWith("keyed_by_id: primary key")), found::toString);
            assertTrue(found.stream().anyMatch(v -> v.startsWith("unique_without_tenant: unique index")), found::toString);
            assertTrue(found.stream().anyMatch(v -> v.startsWith("no_tenant: a shop's table without a 'tenant' column")), found::toString);
            assertTrue(found.stream().anyMatch(v -> v.startsWith("nullable_tenant: 'tenant' may be null")), found::toString);
            assertTrue(found.stream().anyMatch(v -> v.startsWith("child_by_id:") && v.contains("does not pair")), found::toString);
            assertTrue(found.stream().anyMatch(v -> v.startsWith("refers_to_bookkeeping:") && v.contains("local bookkeeping")), found::toString);
            assertTrue(found.stream().anyMatch(v -> v.startsWith("partner:") && v.contains("from outside the shops' tables")), found::toString);
            assertEquals(10, found.size(), found::toString);
        }
    }
}
