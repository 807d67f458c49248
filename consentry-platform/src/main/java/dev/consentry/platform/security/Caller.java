package dev.consentry.platform.security;

import dev.consentry.platform.config.ConsentryConfig;
import dev.consentry.platform.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.regex.Pattern;

/**
 * Who is calling: tenant and subject come from the verified OIDC token, never from a body field or a header the
 * caller chooses. Every resource asks this bean, so tenant isolation has one implementation.
 */
@RequestScoped
public class Caller {

    private static final Pattern TENANT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final SecurityIdentity identity;
    private final ConsentryConfig.Security config;

    public Caller(SecurityIdentity identity, ConsentryConfig config) {
        this.identity = identity;
        this.config = config.security();
    }

    /** The caller's tenant; a token without a usable tenant claim is refused with 403. */
    public String tenant() {
        Object claim = token() == null ? null : token().getClaim(config.tenantClaim());
        String tenant = claim == null ? null : claim.toString().replace("\"", "");
        if (tenant == null || !TENANT_ID.matcher(tenant).matches()) {
            throw ProblemException.forbidden("The token carries no valid '" + config.tenantClaim() + "' claim.");
        }
        return tenant;
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    /** The caller's own subject id (token {@code sub}); meaningful for the {@code subject} role. */
    public String subjectId() {
        return token() == null ? null : token().getSubject();
    }

    /**
     * A caller whose only standing is being a data subject may reach their own data and nothing else. Another
     * subject's data is answered with 404 so that its existence is not revealed.
     */
    public void requireAccessToSubject(String subjectId) {
        if (!actsForTenant() && !subjectId.equals(subjectId())) {
            throw ProblemException.notFound("No such subject.");
        }
    }

    /** Storefront, staff and auditors act for the whole tenant; a caller with only the subject role acts for itself. */
    public boolean actsForTenant() {
        return hasRole(Roles.STOREFRONT) || hasRole(Roles.DPO) || hasRole(Roles.AUDITOR) || hasRole(Roles.PLATFORM_ADMIN);
    }

    private JsonWebToken token() {
        return identity.getPrincipal() instanceof JsonWebToken jwt ? jwt : null;
    }
}
