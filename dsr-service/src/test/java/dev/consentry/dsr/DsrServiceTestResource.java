package dev.consentry.dsr;

import dev.consentry.testkit.TestInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;

/** Every test of this module runs against the real PostgreSQL and Kafka of {@link TestInfrastructure}. */
@QuarkusTestResource(value = TestInfrastructure.class, restrictToAnnotatedClass = false)
public class DsrServiceTestResource {
}
