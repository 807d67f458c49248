package dev.consentry.platform.config;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;

/**
 * What a production start needs and must never guess (S3, S7): a service started as a jar (the production launch mode)
 * refuses to start without the token audience it accepts, rather than accept tokens minted for any other application
 * of the same identity provider. Keys that sign evidence are checked by the services that use them.
 */
@Startup
@ApplicationScoped
public class ProductionSettings {

    public ProductionSettings(@ConfigProperty(name = "quarkus.oidc.token.audience") Optional<String> audience) {
        requireInProduction(audience.filter(a -> !a.isBlank()).isPresent(), "quarkus.oidc.token.audience "
                + "(QUARKUS_OIDC_TOKEN_AUDIENCE): the audience of the tokens this service accepts");
    }

    /** Fails the start of a production service (neither dev nor test launch mode) when {@code present} is false. */
    public static void requireInProduction(boolean present, String what) {
        if (!present && !LaunchMode.current().isDevOrTest()) {
            throw new IllegalStateException("Refusing to start without " + what + ".");
        }
    }
}
