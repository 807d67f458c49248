package dev.consentry.platform.problem;

import dev.consentry.platform.config.ConsentryConfig;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

import java.time.Duration;
import java.util.Optional;

/**
 * S6: the API's public endpoints (those open without a token, e.g. the published verification keys) are
 * rate-limited per client address, answered with a 429 problem and {@code Retry-After}. Health, metrics and OpenAPI
 * are not API resources and are not counted.
 */
public class PublicEndpointLimit {

    private final RateLimits rateLimits;
    private final RateLimits.Limit limit;

    public PublicEndpointLimit(RateLimits rateLimits, ConsentryConfig config) {
        this.rateLimits = rateLimits;
        this.limit = new RateLimits.Limit("public-endpoints", config.http().publicRequestsPerMinute(), Duration.ofMinutes(1));
    }

    @ServerRequestFilter
    public Optional<Response> limit(SimpleResourceInfo resource, HttpServerRequest request) {
        if (ResourceMethods.annotation(resource, PermitAll.class).isEmpty()) {
            return Optional.empty();
        }
        try {
            rateLimits.acquire(limit, request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress());
            return Optional.empty();
        } catch (ProblemException limited) {
            return Optional.of(ProblemMappers.respond(limited, null));
        }
    }
}
