package dev.consentry.console.service;

import dev.consentry.console.config.ConsoleConfig;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import java.util.List;
import java.util.Optional;

/**
 * The privacy officer of the current request, signed in through the shop's identity provider (OIDC authorization code
 * flow; Quarkus keeps the tokens in its encrypted, HttpOnly session cookie). The local run signs in through the
 * development identity provider the same way. Templates read it as {@code inject:officer}.
 */
@RequestScoped
@Named("officer")
public class Officer {

    public static final String DPO = "dpo";
    public static final String AUDITOR = "auditor";

    private final SecurityIdentity identity;
    private final ConsoleConfig config;
    private Optional<SignedIn> resolved;

    private record SignedIn(String token, TokenClaims claims) {
    }

    public Officer(SecurityIdentity identity, ConsoleConfig config) {
        this.identity = identity;
        this.config = config;
    }

    private Optional<SignedIn> signedInOfficer() {
        if (resolved == null) {
            resolved = resolve();
        }
        return resolved;
    }

    private Optional<SignedIn> resolve() {
        if (identity == null || identity.isAnonymous()) {
            return Optional.empty();
        }
        AccessTokenCredential credential = identity.getCredential(AccessTokenCredential.class);
        if (credential == null) {
            return Optional.empty();
        }
        return Optional.of(new SignedIn(credential.getToken(), TokenClaims.read(credential.getToken(),
                config.tenantClaim(), config.rolesClaim())));
    }

    public boolean signedIn() {
        return signedInOfficer().isPresent();
    }

    /** The token the services are called with; never rendered, logged or put in a URL. */
    public String token() {
        return signedInOfficer().orElseThrow(() -> new IllegalStateException("no officer signed in")).token();
    }

    private TokenClaims claims() {
        return signedInOfficer().map(SignedIn::claims).orElse(new TokenClaims(null, null, null, List.of(), null));
    }

    public String tenant() {
        return claims().tenant();
    }

    public String name() {
        return claims().name();
    }

    public List<String> roles() {
        return claims().roles();
    }

    /** A privacy officer may act; anyone else (an auditor) only reads. The services enforce it either way. */
    public boolean mayAct() {
        return roles().contains(DPO);
    }
}
