package dev.consentry.platform.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.consentry.platform.problem.RouteProblems;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.List;

/**
 * A hot path served by a plain Vert.x route instead of a REST resource (the decision lookup, the inclusion proof):
 * without the REST layer's own work per request (a request scope, the validation interceptor, context propagation),
 * with its rules written out once here — the route registered for GET and HEAD ahead of the REST layer's, the bearer
 * token verified (401), one of the roles the operation allows (403), the answer written as JSON, and whatever the
 * route throws answered as the problem it stands for ({@link RouteProblems}).
 */
public final class PlainRoutes {

    /** What a route does for a caller with an allowed role: answers {@code ctx}, at once or later. */
    @FunctionalInterface
    public interface Authorized {
        void handle(RoutingContext ctx, SecurityIdentity caller);
    }

    private PlainRoutes() {
    }

    /**
     * Registers {@code route} for GET and HEAD of {@code path} (HEAD as the REST layer answers it for every GET: the
     * same checks and headers, no body), for callers with one of {@code mayCall}.
     */
    public static void getAndHead(Router router, String path, ObjectMapper json, List<String> mayCall, Authorized route) {
        Handler<RoutingContext> guarded = ctx -> QuarkusHttpUser.getSecurityIdentity(ctx, null).subscribe().with(
                identity -> authorized(ctx, json, mayCall, identity, route),
                failure -> RouteProblems.fail(ctx, json, failure));
        // before the REST layer's own route, which would otherwise take every path
        router.get(path).order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT).handler(guarded);
        router.head(path).order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT).handler(guarded);
    }

    private static void authorized(RoutingContext ctx, ObjectMapper json, List<String> mayCall,
                                   SecurityIdentity identity, Authorized route) {
        if (identity == null || identity.isAnonymous()) {
            RouteProblems.unauthenticated(ctx, json);
            return;
        }
        if (mayCall.stream().noneMatch(identity::hasRole)) {
            RouteProblems.forbidden(ctx, json);
            return;
        }
        try {
            route.handle(ctx, identity);
        } catch (RuntimeException refused) {
            RouteProblems.fail(ctx, json, refused);
        }
    }

    /** Answers {@code ctx} with {@code value} as JSON. */
    public static void sendJson(RoutingContext ctx, ObjectMapper json, Object value) {
        byte[] body;
        try {
            body = json.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            RouteProblems.fail(ctx, json, e);
            return;
        }
        ctx.response().putHeader("Content-Type", "application/json").end(Buffer.buffer(body));
    }
}
