package dev.consentry.audit;

import dev.consentry.testkit.TenantDistributionTests;

import java.util.Set;

/** audit-service's migrations are ready to be sharded by tenant; deploy/citus/audit-service.sql distributes them. */
class TenantDistributionTest extends TenantDistributionTests {

    TenantDistributionTest() {
        super("audit-service", Set.of(), Set.of());
    }
}
