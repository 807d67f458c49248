package dev.consentry.console.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** The console's settings ({@code consentry.console.*}); the services' URLs are the REST clients' ({@code quarkus.rest-client.*.url}). */
@ConfigMapping(prefix = "consentry.console")
public interface ConsoleConfig {

    /** The time zone dates are shown in and days are counted in (the shop's), e.g. Asia/Ho_Chi_Minh. */
    @WithDefault("UTC")
    String zone();

    /** The token claim naming the officer's tenant (as the services read it). */
    @WithDefault("tenant")
    String tenantClaim();

    /** The token claim listing the officer's roles (as the services read it). */
    @WithDefault("groups")
    String rolesClaim();

    DevLogin devLogin();

    /** The local run's sign-in without an identity provider: pick one of the demo officers. Never in production. */
    interface DevLogin {

        /** Only the local and test profiles may switch it on; a production start with it on fails. */
        @WithDefault("false")
        boolean enabled();

        /** A properties file of {@code <login>=<token>} lines the launcher writes (readable by its owner only). */
        Optional<String> file();

        /** A session ends after this long without a request (and at the latest when its token expires). */
        @WithDefault("PT30M")
        Duration idleTimeout();
    }
}
