package dev.consentry.console.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;


/** The console's settings ({@code consentry.console.*}); the services' URLs are the REST clients' ({@code quarkus.rest-client.*.url}). */
@ConfigMapping(prefix = "consentry.console")
public interface ConsoleConfig {

    /** The time zone dates are shown in and days are counted in (the shop's), e.g. Asia/Ho_Chi_Minh. */
    @WithDefault("UTC")
    String zone();

    /** The token claim naming the officer's tenant (as the services read it). */
    @WithDefault("tenant")
    String tenantClaim();

    /** The token claim holding a customer's id as the shop knows it (as the services read it). */
    @WithDefault("sub")
    String subjectClaim();

    /** The jurisdiction the privacy center proposes to a customer filing a request (VN, KR, EU or US-CA). */
    @WithDefault("EU")
    String centerJurisdiction();

    /** The token claim listing the officer's roles (as the services read it). */
    @WithDefault("groups")
    String rolesClaim();
}
