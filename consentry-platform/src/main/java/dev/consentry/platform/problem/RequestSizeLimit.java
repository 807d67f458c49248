package dev.consentry.platform.problem;

import dev.consentry.platform.config.ConsentryConfig;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.List;

/**
 * S6: the body limit holds whatever the transfer encoding. {@link BodySizeLimit} refuses a declared
 * {@code Content-Length} over the limit before anything is read; a body without one (chunked) is counted while it is
 * read, against the limit this route filter sets for the request ({@code consentry.http.max-json-body-size}, 256K),
 * except on the bulk paths ({@code consentry.http.bulk-paths}, the NDJSON import) which keep the HTTP layer's larger
 * {@code quarkus.http.limits.max-body-size}. Reading stops at the limit and the request is refused with 413.
 */
@ApplicationScoped
public class RequestSizeLimit {

    /** The routing-context key the HTTP layer and the REST layer read the request's byte limit from. */
    static final String MAX_REQUEST_SIZE = "io.quarkus.max-request-size";

    private final long maxJsonBytes;
    private final List<String> bulkPaths;

    public RequestSizeLimit(ConsentryConfig config) {
        this.maxJsonBytes = config.http().maxJsonBodySize().asLongValue();
        this.bulkPaths = config.http().bulkPaths();
    }

    void install(@Observes Router router) {
        // after the HTTP layer's own limit handler (order -2), before any route reads the body
        router.route().order(-1).handler(rc -> {
            String path = rc.normalizedPath();
            if (bulkPaths.stream().noneMatch(path::startsWith)) {
                rc.put(MAX_REQUEST_SIZE, maxJsonBytes);
            }
            rc.next();
        });
    }
}
