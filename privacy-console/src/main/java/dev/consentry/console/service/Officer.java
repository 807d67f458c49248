package dev.consentry.console.service;

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

    private final SignedInToken signedIn;

    public Officer(SignedInToken signedIn) {
        this.signedIn = signedIn;
    }

    private Optional<TokenClaims> signedInOfficer() {
        return signedIn.claims();
    }

    /** Signed in with an officer's role (a customer's token signed in at the staff client is no officer). */
    public boolean signedIn() {
        return signedInOfficer().filter(c -> c.roles().contains(DPO) || c.roles().contains(AUDITOR)).isPresent();
    }

    private TokenClaims claims() {
        return signedInOfficer().orElse(new TokenClaims(null, null, null, List.of(), null));
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
