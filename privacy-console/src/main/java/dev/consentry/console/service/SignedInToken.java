package dev.consentry.console.service;

import dev.consentry.console.config.ConsoleConfig;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;

import java.util.Optional;

/**
 * The access token of whoever signed in for this request — an officer on console pages, a customer in the privacy
 * center (Quarkus keeps it in its encrypted session cookie) — and what the console shows of its claims, read with the
 * claim names the services use. The token itself is only ever forwarded to the services, never rendered or logged.
 */
@RequestScoped
public class SignedInToken {

    private final SecurityIdentity identity;
    private final ConsoleConfig config;
    private Optional<TokenClaims> claims;

    public SignedInToken(SecurityIdentity identity, ConsoleConfig config) {
        this.identity = identity;
        this.config = config;
    }

    public Optional<String> token() {
        if (identity == null || identity.isAnonymous()) {
            return Optional.empty();
        }
        AccessTokenCredential credential = identity.getCredential(AccessTokenCredential.class);
        return credential == null ? Optional.empty() : Optional.of(credential.getToken());
    }

    public Optional<TokenClaims> claims() {
        if (claims == null) {
            claims = token().map(t -> TokenClaims.read(t, config.tenantClaim(), config.rolesClaim(), config.subjectClaim()));
        }
        return claims;
    }
}
