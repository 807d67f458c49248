package dev.consentry.dsr;

import dev.consentry.testkit.TenantDistributionTests;

import java.util.Set;

/** dsr-service's migrations are ready to be sharded by tenant; deploy/citus/dsr-service.sql distributes them. */
class TenantDistributionTest extends TenantDistributionTests {

    TenantDistributionTest() {
        super("dsr-service", Set.of("partner"), Set.of());
    }
}
