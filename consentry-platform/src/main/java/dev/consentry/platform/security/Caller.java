package dev.consentry.platform.security;

import dev.consentry.platform.config.ConsentryConfig;
import dev.consentry.platform.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import dev.consentry.platform.validation.ValuePatterns;
import java.util.regex.Pattern;

/**
 * Who is calling: tenant and subject come from the verified OIDC token, never from a body field or a header the
 * caller chooses. Every resource asks this bean, so tenant isolation has one implementation.
 */
@RequestScoped
public class Caller {

    private static final Pattern TENANT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern SUBJECT_ID = Pattern.compile(ValuePatterns.SUBJECT_ID);
    private static final Pattern PARTNER_ID = Pattern.compile(dev.consentry.events.Topics.PARTNER_ID);

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

    /**
     * The caller's own subject id, from the configured subject claim ({@code consentry.security.subject-claim},
     * default {@code sub}); meaningful for the {@code subject} role. A subject token without it is refused with 403.
     */
    public String subjectId() {
        Object claim = token() == null ? null : token().getClaim(config.subjectClaim());
        String subject = claim == null ? null : claim.toString().replace("\"", "");
        if (subject == null || !SUBJECT_ID.matcher(subject).matches()) {
            throw ProblemException.forbidden("The token carries no valid '" + config.subjectClaim() + "' claim.");
        }
        return subject;
    }

    /** Who the token names as its holder ({@code sub}): a staff member or a client, for the record of who read what. */
    /** The partner a {@code partner} token speaks for; 403 if the token names none. */
    public String partnerId() {
        Object claim = token() == null ? null : token().getClaim(config.partnerClaim());
        String partner = claim == null ? null : claim.toString().replace("\"", "");
        if (partner == null || !PARTNER_ID.matcher(partner).matches()) {
            throw ProblemException.forbidden("The token carries no valid '" + config.partnerClaim() + "' claim.");
        }
        return partner;
    }

    public String principal() {
        return identity.getPrincipal().getName();
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

    /**
     * S4: a subject's own token always acts as the subject itself, never as its guardian or agent (a child could
     * otherwise consent "as its guardian"). Guardians and agents act through the shop or its staff, with proof.
     *
     * @param actingAs who the caller says is acting: {@code subject} (or null), or a representative's relationship
     */
    public void requireMayActAs(String actingAs) {
        if (!actsForTenant() && actingAs != null && !"subject".equals(actingAs)) {
            throw ProblemException.unprocessable("representative-not-allowed", "A subject's own token acts as the "
                    + "subject; a guardian or an authorised agent acts through the shop or its privacy officer, with proof.");
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
