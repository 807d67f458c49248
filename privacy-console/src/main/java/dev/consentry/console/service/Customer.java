package dev.consentry.console.service;

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

    private final SignedInToken signedIn;

    public Customer(SignedInToken signedIn) {
        this.signedIn = signedIn;
    }

    private Optional<TokenClaims> claims() {
        return signedIn.claims();
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
