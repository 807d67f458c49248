package dev.consentry.platform.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A bearer token this replica verified a moment ago is not verified again: its identity comes from
 * {@link VerifiedTokens}, keyed by the token's hash (a changed byte is another token, verified in full). Asked before
 * the OIDC provider (higher priority); a token it does not hold goes on to the OIDC provider, and
 * {@link VerifiedTokenRecorder} keeps what that verifies.
 */
@ApplicationScoped
public class CachedTokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    /** Marks an identity taken from the cache, so that it is not recorded again. */
    static final String FROM_CACHE = "consentry.verified-token-cache";

    /** Counter of bearer tokens looked up, tagged {@code result=hit|miss} (a miss goes on to full verification). */
    public static final String LOOKUPS = "consentry.verified.token.lookups";

    private final VerifiedTokens tokens;
    private final Counter hits;
    private final Counter misses;

    public CachedTokenIdentityProvider(VerifiedTokens tokens, MeterRegistry metrics) {
        this.tokens = tokens;
        this.hits = metrics.counter(LOOKUPS, "result", "hit");
        this.misses = metrics.counter(LOOKUPS, "result", "miss");
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public int priority() {
        return 2000; // before the OIDC provider (1001, Quarkus's "system first")
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        if (!(request.getToken() instanceof AccessTokenCredential)) {
            return Uni.createFrom().nullItem();
        }
        return tokens.get(request.getToken().getToken())
                .map(verified -> {
                    hits.increment();
                    return Uni.createFrom().item(forThisRequest(verified, HttpSecurityUtils.getRoutingContextAttribute(request)));
                })
                .orElseGet(() -> {
                    misses.increment();
                    return Uni.createFrom().nullItem();
                });
    }

    /** The verified identity, bound to this request's routing context as the OIDC provider binds its own. */
    private static SecurityIdentity forThisRequest(SecurityIdentity verified, RoutingContext current) {
        QuarkusSecurityIdentity.Builder b = QuarkusSecurityIdentity.builder(verified).addAttribute(FROM_CACHE, true);
        if (current != null) {
            b.addAttribute(RoutingContext.class.getName(), current);
            b.addAttribute(HttpSecurityUtils.ROUTING_CONTEXT_ATTRIBUTE, current);
        }
        return b.build();
    }
}
