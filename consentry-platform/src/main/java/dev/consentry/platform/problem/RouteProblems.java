package dev.consentry.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;

/**
 * The problems of a hot path served by a plain Vert.x route instead of a REST resource (the decision lookup): the
 * same RFC 9457 answers {@link ProblemMappers} gives, for a {@link ProblemException}, a failed or missing
 * authentication, a refused role and anything unforeseen (logged with an error id, never its message).
 */
public final class RouteProblems {

    private RouteProblems() {
    }

    /** Answers {@code ctx} with the problem {@code failure} stands for. */
    public static void fail(RoutingContext ctx, ObjectMapper json, Throwable failure) {
        if (ctx.response().headWritten()) {
            // a failed authentication has already been answered by the mechanism's own challenge
            return;
        }
        if (failure instanceof ProblemException problem) {
            if (problem.retryAfterSeconds() > 0) {
                ctx.response().putHeader("Retry-After", Long.toString(problem.retryAfterSeconds()));
            }
            send(ctx, json, problem.problem());
        } else if (failure instanceof AuthenticationFailedException || failure instanceof UnauthorizedException) {
            unauthenticated(ctx, json);
        } else if (failure instanceof ForbiddenException) {
            send(ctx, json, ProblemMappers.FORBIDDEN);
        } else {
            send(ctx, json, ProblemMappers.internal(failure));
        }
    }

    /** 401 with {@code WWW-Authenticate: Bearer}: no token, or one that did not verify. */
    public static void unauthenticated(RoutingContext ctx, ObjectMapper json) {
        if (ctx.response().headWritten()) {
            return;
        }
        ctx.response().putHeader("WWW-Authenticate", "Bearer");
        send(ctx, json, ProblemMappers.UNAUTHENTICATED);
    }

    /** 403: the caller's roles do not allow the operation. */
    public static void forbidden(RoutingContext ctx, ObjectMapper json) {
        send(ctx, json, ProblemMappers.FORBIDDEN);
    }

    public static void send(RoutingContext ctx, ObjectMapper json, Problem problem) {
        if (ctx.response().headWritten()) {
            return;
        }
        byte[] body;
        try {
            body = json.writeValueAsBytes(problem.withInstance(ctx.normalizedPath()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem could not be written", e);
        }
        ctx.response().setStatusCode(problem.status()).putHeader("Content-Type", Problem.MEDIA_TYPE)
                .end(Buffer.buffer(body));
    }
}
