package dev.consentry.testkit;

import java.util.List;

/** Bearer tokens for tests, signed with the key the service under test trusts. */
public final class Tokens {

    private Tokens() {
    }

    public static String storefront(String tenant) {
        return TestInfrastructure.tokens().issue(tenant, "storefront-" + tenant, "storefront");
    }

    public static String subject(String tenant, String subjectId) {
        return TestInfrastructure.tokens().issue(tenant, subjectId, "subject");
    }

    public static String dpo(String tenant) {
        return TestInfrastructure.tokens().issue(tenant, "dpo-" + tenant, "dpo");
    }

    public static String auditor(String tenant) {
        return TestInfrastructure.tokens().issue(tenant, "auditor-" + tenant, "auditor");
    }

    /** The installation's administrator: registers partners; acts for no shop. */
    public static String platformAdmin() {
        return TestInfrastructure.tokens().issue(null, "platform-admin", List.of("platform-admin"), 10);
    }

    /** A webhook partner's own token: role partner, its id in the partner claim (no tenant: it serves many shops). */
    public static String partner(String partnerId) {
        return TestInfrastructure.tokens().issue(null, "partner-" + partnerId, List.of("partner"), 10,
                java.util.Map.of("partner_id", partnerId));
    }

    public static String withRoles(String tenant, String subject, String... roles) {
        return TestInfrastructure.tokens().issue(tenant, subject, List.of(roles), 10);
    }

    /** A token with further claims, e.g. a customer id in the claim named by consentry.security.subject-claim. */
    public static String withClaims(String tenant, String subject, String role, java.util.Map<String, Object> claims) {
        return TestInfrastructure.tokens().issue(tenant, subject, List.of(role), 10, claims);
    }

    /** A token that carries no tenant claim at all. */
    public static String withoutTenant(String role) {
        return TestInfrastructure.tokens().issue(null, "someone", List.of(role), 10);
    }

    /** A well-formed token signed by a key the service does not trust. */
    public static String forged(String tenant, String role) {
        return new dev.consentry.devstack.DevTokens().issue(tenant, "intruder", role);
    }
}
