package dev.consentry.consent;

import dev.consentry.testkit.HouseRulesTests;

/** The house rules (README, "Where things are") over this service's classes. */
class HouseRulesTest extends HouseRulesTests {

    HouseRulesTest() {
        super("dev.consentry.consent");
    }
}
