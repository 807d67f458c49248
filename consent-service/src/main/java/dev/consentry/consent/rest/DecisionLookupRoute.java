package dev.consentry.consent.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.consentry.consent.service.DecisionService;
import dev.consentry.platform.config.ConsentryConfig;
import dev.consentry.platform.http.PlainRoutes;
import dev.consentry.platform.problem.Problem;
import dev.consentry.platform.problem.ProblemException;
import dev.consentry.platform.problem.RouteProblems;
import dev.consentry.platform.security.Caller;
import dev.consentry.platform.security.Roles;
import dev.consentry.platform.validation.ValuePatterns;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The storefronts' hot path, {@code GET /v1/subjects/{subjectId}/decisions/{purposeId}}, served by a plain Vert.x
 * route instead of a REST resource: the profile of a lookup showed no hot spot but the REST layer's own work per
 * request (a request scope, a validation interceptor, a bean per caller, context propagation around every step). The
 * rules are the resource's, written out once here: the bearer token verified (401), one of the roles that may read
 * decisions (403), the tenant from the token (403 without one), a subject reaching only its own data (404), the path
 * ids and {@code asOf} checked (400 problems), the shop's catalogue (404 for a purpose it does not have). The answer
 * is the {@code DecisionView} the batch endpoint returns per purpose ({@link PlainRoutes}: GET and HEAD, 401, 403,
 * problems). Documented in {@code META-INF/openapi.yaml}.
 */
@ApplicationScoped
public class DecisionLookupRoute {

    static final String PATH = "/v1/subjects/:subjectId/decisions/:purposeId";

    private static final Pattern SUBJECT_ID = Pattern.compile(ValuePatterns.SUBJECT_ID);
    private static final Pattern PURPOSE_ID = Pattern.compile(ValuePatterns.CATALOGUE_ID);
    private static final List<String> MAY_READ = List.of(Roles.STOREFRONT, Roles.SUBJECT, Roles.DPO, Roles.AUDITOR);

    private final DecisionService decisions;
    private final ConsentryConfig config;
    private final ObjectMapper json;

    public DecisionLookupRoute(DecisionService decisions, ConsentryConfig config, ObjectMapper json) {
        this.decisions = decisions;
        this.config = config;
        this.json = json;
    }

    void register(@Observes Router router) {
        PlainRoutes.getAndHead(router, PATH, json, MAY_READ, this::lookup);
    }

    private void lookup(RoutingContext ctx, SecurityIdentity identity) {
        String subjectId = ctx.pathParam("subjectId");
        String purposeId = ctx.pathParam("purposeId");
        checkIds(subjectId, purposeId);
        Caller caller = new Caller(identity, config);
        String tenant = caller.tenant();
        caller.requireAccessToSubject(subjectId);
        decisions.lookup(tenant, subjectId, purposeId, DecisionResource.instant(ctx.queryParams().get("asOf")))
                .onComplete(answered -> {
                    if (answered.succeeded()) {
                        PlainRoutes.sendJson(ctx, json, answered.result());
                    } else {
                        RouteProblems.fail(ctx, json, answered.cause());
                    }
                });
    }

    /** The same checks and messages as the resource's {@code @Pattern}s: a 400 naming each invalid path part. */
    private static void checkIds(String subjectId, String purposeId) {
        List<Problem.FieldError> errors = new ArrayList<>(2);
        if (subjectId == null || !SUBJECT_ID.matcher(subjectId).matches()) {
            errors.add(new Problem.FieldError("subjectId", ValuePatterns.SUBJECT_ID_MESSAGE));
        }
        if (purposeId == null || !PURPOSE_ID.matcher(purposeId).matches()) {
            errors.add(new Problem.FieldError("purposeId", ValuePatterns.CATALOGUE_ID_MESSAGE));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.invalidFields(errors));
        }
    }
}
