package dev.consentry.audit;

import com.tngtech.archunit.core.domain.JavaClasses;
import dev.consentry.testkit.HouseRules;
import org.junit.jupiter.api.Test;

/** README, "Where things are": how this service reaches its database and where HTTP shapes stop. */
class HouseRulesTest {

    private static final JavaClasses CLASSES = HouseRules.classesOf("dev.consentry.audit");

    @Test
    void servicesKnowNoHttpShapes() {
        HouseRules.servicesKnowNoHttpShapes().check(CLASSES);
    }

    @Test
    void entitiesAreReachedThroughTheirRepositories() {
        HouseRules.entityQueriesLiveInRepositories().check(CLASSES);
        HouseRules.entitiesLiveInModel().check(CLASSES);
    }

    @Test
    void statementsAndThePoolLiveInRepositories() {
        HouseRules.sqlLivesInRepositories().check(CLASSES);
        HouseRules.poolLivesInRepositories().check(CLASSES);
    }

    @Test
    void transactionsStartInServices() {
        HouseRules.transactionsStartInServices().check(CLASSES);
    }

    @Test
    void noJdbc() {
        HouseRules.noJdbcInServices().check(CLASSES);
    }
}
