package dev.consentry.platform;

import dev.consentry.testkit.TestInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** Every Quarkus test of this module runs against the real PostgreSQL and Kafka of {@link TestInfrastructure}. */
@QuarkusTestResource(value = TestInfrastructure.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "database", value = "consentry_platform_test"))
public class PlatformTestResource {
}
