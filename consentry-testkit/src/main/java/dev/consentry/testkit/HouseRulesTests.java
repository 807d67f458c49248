package dev.consentry.testkit;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * README, "Where things are": how a service reaches its database and where HTTP shapes stop. Each service's
 * {@code HouseRulesTest} extends this with its root package.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS) // the classes are read once per service, not once per rule
public abstract class HouseRulesTests {

    private final JavaClasses classes;

    protected HouseRulesTests(String rootPackage) {
        this.classes = HouseRules.classesOf(rootPackage);
    }

    @Test
    void servicesKnowNoHttpShapes() {
        HouseRules.servicesKnowNoHttpShapes().check(classes);
    }

    @Test
    void entitiesAreReachedThroughTheirRepositories() {
        HouseRules.entityQueriesLiveInRepositories().check(classes);
        HouseRules.entitiesLiveInModel().check(classes);
    }

    @Test
    void statementsAndThePoolLiveInRepositories() {
        HouseRules.sqlLivesInRepositories().check(classes);
        HouseRules.poolLivesInRepositories().check(classes);
    }

    @Test
    void transactionsStartInServices() {
        HouseRules.transactionsStartInServices().check(classes);
    }

    @Test
    void reactiveResourcesRunToCompletion() {
        HouseRules.reactiveResourcesRunToCompletion().check(classes);
    }

    @Test
    void noJdbc() {
        HouseRules.noJdbcInServices().check(classes);
    }
}
