package dev.consentry.console.service;

import dev.consentry.console.config.ConsoleConfig;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import java.util.Optional;

/**
 * The customer of a privacy-center request, signed in through the shop's identity provider (the {@code customer}
 * OIDC tenant, pages under {@code /me}). Their subject id is the claim the services read it from; the services decide
 * what the token may do. Templates read it as {@code inject:customer}.
 */
@RequestScoped
@Named("customer")
public class Customer {

    public static final String SUBJECT_ROLE = "subject";

    private final SecurityIdentity identity;
    private final ConsoleConfig config;
    private Optional<TokenClaims> resolved;

    public Customer(SecurityIdentity identity, ConsoleConfig config) {
        this.identity = identity;
        this.config = config;
    }

    private Optional<TokenClaims> claims() {
        if (resolved == null) {
            AccessTokenCredential credential = identity == null || identity.isAnonymous() ? null
                    : identity.getCredential(AccessTokenCredential.class);
            resolved = credential == null ? Optional.empty() : Optional.of(TokenClaims.read(credential.getToken(),
                    config.tenantClaim(), config.rolesClaim(), config.subjectClaim()));
        }
        return resolved;
    }

    /** A customer's token: the subject role and a subject id. */
    public boolean signedIn() {
        return claims().filter(c -> c.subject() != null && c.tenant() != null && c.roles().contains(SUBJECT_ROLE))
                .isPresent();
    }

    /** The customer's id as the shop knows it; never shown in a URL. */
    public String subjectId() {
        return claims().map(TokenClaims::subject).orElseThrow(() -> new IllegalStateException("no customer signed in"));
    }

    public String tenant() {
        return claims().map(TokenClaims::tenant).orElse(null);
    }

    public String name() {
        return claims().map(TokenClaims::name).orElse(null);
    }
}
