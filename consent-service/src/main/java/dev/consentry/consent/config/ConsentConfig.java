package dev.consentry.consent.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** consent-service settings that a tenant does not override itself. */
@ConfigMapping(prefix = "consentry.consent")
public interface ConsentConfig {

    /** Days between announcing a notice version and its taking effect, for tenants without their own setting. */
    @WithDefault("7")
    int defaultNoticePeriodDays();

    /** How often expired consents are looked for (C10); read by ConsentExpiry's schedule expression. */
    @WithDefault("1h")
    String expiryCheck();
}
