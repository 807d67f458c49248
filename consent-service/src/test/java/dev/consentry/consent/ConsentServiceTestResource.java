package dev.consentry.consent;

import dev.consentry.testkit.TestInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** Every test of this module runs against the real PostgreSQL and Kafka of {@link TestInfrastructure}. */
@QuarkusTestResource(value = TestInfrastructure.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "database", value = "consentry_consent_test"))
public class ConsentServiceTestResource {
}
