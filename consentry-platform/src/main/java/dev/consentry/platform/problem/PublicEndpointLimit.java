package dev.consentry.platform.problem;

import dev.consentry.platform.config.ConsentryConfig;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * S6: the API's public endpoints (those open without a token, e.g. the published verification keys) are
 * rate-limited per client address, answered with a 429 problem and {@code Retry-After}. Health, metrics and OpenAPI
 * are not API resources and are not counted.
 */
public class PublicEndpointLimit {

    private final RateLimits rateLimits;
    private final RateLimits.Limit limit;
    private final Map<String, Boolean> publicMethods = new ConcurrentHashMap<>();

    public PublicEndpointLimit(RateLimits rateLimits, ConsentryConfig config) {
        this.rateLimits = rateLimits;
        this.limit = new RateLimits.Limit("public-endpoints", config.http().publicRequestsPerMinute(), Duration.ofMinutes(1));
    }

    @ServerRequestFilter
    public Optional<Response> limit(SimpleResourceInfo resource, HttpServerRequest request) {
        if (resource == null || resource.getResourceClass() == null || !isPublic(resource)) {
            return Optional.empty();
        }
        try {
            rateLimits.acquire(limit, request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress());
            return Optional.empty();
        } catch (ProblemException limited) {
            Response response = ProblemMappers.respond(limited.problem(), null);
            response.getHeaders().add("Retry-After", Long.toString(limited.retryAfterSeconds()));
            return Optional.of(response);
        }
    }

    private boolean isPublic(SimpleResourceInfo resource) {
        return publicMethods.computeIfAbsent(resource.getResourceClass().getName() + "#" + resource.getMethodName()
                + java.util.Arrays.toString(resource.parameterTypes()), key -> {
            try {
                return resource.getResourceClass().getMethod(resource.getMethodName(), resource.parameterTypes())
                        .isAnnotationPresent(PermitAll.class);
            } catch (NoSuchMethodException e) {
                return false;
            }
        });
    }
}
