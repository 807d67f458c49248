package dev.consentry.platform.problem;

import dev.consentry.platform.config.ConsentryConfig;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

import java.util.Optional;

/**
 * S6: every body is limited, whatever its transfer encoding: {@code consentry.http.max-json-body-size} for every
 * endpoint, unless the endpoint declares {@link MaxBodySize}. A body that declares a larger {@code Content-Length} is
 * refused with a 413 problem before it is read; a body without one (chunked) is counted while it is read, against the
 * same limit (this filter sets it as the request's byte limit for the HTTP layer), and refused with 413 when it passes it.
 */
public class BodySizeLimit {

    /** The routing-context key the HTTP layer counts a request's body against while reading it. */
    static final String MAX_REQUEST_SIZE = "io.quarkus.max-request-size";

    private final long maxBytes;

    public BodySizeLimit(ConsentryConfig config) {
        this.maxBytes = config.http().maxJsonBodySize().asLongValue();
    }

    @ServerRequestFilter
    public Optional<Response> refuseOversize(ContainerRequestContext request, SimpleResourceInfo resource,
                                             RoutingContext routing) {
        long limit = ResourceMethods.annotation(resource, MaxBodySize.class).map(MaxBodySize::value).orElse(maxBytes);
        routing.put(MAX_REQUEST_SIZE, limit);
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
}
