package dev.consentry.consent;

import dev.consentry.testkit.TenantDistributionTests;

import java.util.Set;

/** consent-service's migrations are ready to be sharded by tenant; deploy/citus/consent-service.sql distributes them. */
class TenantDistributionTest extends TenantDistributionTests {

    TenantDistributionTest() {
        super("consent-service", Set.of(), Set.of());
    }
}
