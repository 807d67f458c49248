package dev.consentry.platform.problem;

import dev.consentry.platform.config.ConsentryConfig;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

import java.util.Optional;

/**
 * Refuses a declared oversize body with a 413 problem before it is read: {@code consentry.http.max-json-body-size}
 * for every endpoint, unless the endpoint declares {@link MaxBodySize}. The HTTP layer's own
 * {@code quarkus.http.limits.max-body-size} still guards bodies that do not declare their length.
 */
public class BodySizeLimit {

    private final long maxBytes;
    private final java.util.Map<String, Optional<MaxBodySize>> ownLimits = new java.util.concurrent.ConcurrentHashMap<>();

    public BodySizeLimit(ConsentryConfig config) {
        this.maxBytes = config.http().maxJsonBodySize().asLongValue();
    }

    @ServerRequestFilter
    public Optional<Response> refuseOversize(ContainerRequestContext request, SimpleResourceInfo resource) {
        MaxBodySize own = resource == null || resource.getResourceClass() == null ? null
                : ownLimit(resource);
        long limit = own == null ? maxBytes : own.value();
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return Optional.empty();
        }
        long declared;
        try {
            declared = Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return Optional.of(ProblemMappers.respond(Problem.of(400, "bad-content-length", "Bad request",
                    "Content-Length is not a number."), null));
        }
        if (declared > limit) {
            return Optional.of(ProblemMappers.respond(Problem.of(413, "body-too-large", "Content too large",
                    "The body may be at most " + limit + " bytes."), null));
        }
        return Optional.empty();
    }

    /** Endpoints are fixed at build time: look each one's annotation up once, not on every request. */
    private MaxBodySize ownLimit(SimpleResourceInfo resource) {
        return ownLimits.computeIfAbsent(resource.getResourceClass().getName() + "#" + resource.getMethodName()
                + java.util.Arrays.toString(resource.parameterTypes()), key -> {
            try {
                return Optional.ofNullable(resource.getResourceClass()
                        .getMethod(resource.getMethodName(), resource.parameterTypes()).getAnnotation(MaxBodySize.class));
            } catch (NoSuchMethodException e) {
                return Optional.empty();
            }
        }).orElse(null);
    }
}
