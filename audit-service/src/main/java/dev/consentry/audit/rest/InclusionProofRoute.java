package dev.consentry.audit.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.consentry.audit.service.InclusionProof;
import dev.consentry.audit.service.Proofs;
import dev.consentry.platform.config.ConsentryConfig;
import dev.consentry.platform.http.PlainRoutes;
import dev.consentry.platform.problem.Problem;
import dev.consentry.platform.problem.ProblemException;
import dev.consentry.platform.problem.RouteProblems;
import dev.consentry.platform.security.Caller;
import dev.consentry.platform.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /v1/audit/proofs/inclusion?seq=&treeSize=}, the monitors' and auditors' hot path, served by a plain
 * Vert.x route as consent-service's decision lookup is: with eight clients, the REST layer's own work per request (a
 * request scope, the validation interceptor, context propagation) cost about twice the proof's own CPU. The rules are the
 * REST resource's, written out once here: the bearer token verified (401), an auditor or a privacy officer (403), the
 * tenant from the token (403 without one), {@code seq} required and both numbers whole and at least 1 (400 problems
 * naming them). The answer is the {@link InclusionProof} ({@link PlainRoutes}: GET and HEAD, 401, 403, problems);
 * documented in {@code META-INF/openapi.yaml}.
 */
@ApplicationScoped
public class InclusionProofRoute {

    static final String PATH = "/v1/audit/proofs/inclusion";

    private static final List<String> MAY_READ = List.of(Roles.AUDITOR, Roles.DPO);
    private static final String NOT_NULL = "must not be null";
    private static final String AT_LEAST_ONE = "must be greater than or equal to 1";

    private final Proofs proofs;
    private final ConsentryConfig config;
    private final ObjectMapper json;

    public InclusionProofRoute(Proofs proofs, ConsentryConfig config, ObjectMapper json) {
        this.proofs = proofs;
        this.config = config;
        this.json = json;
    }

    void register(@Observes Router router) {
        PlainRoutes.getAndHead(router, PATH, json, MAY_READ, this::prove);
    }

    private void prove(RoutingContext ctx, SecurityIdentity identity) {
        List<Problem.FieldError> errors = new ArrayList<>(2);
        Long seq = positive(ctx.queryParams().get("seq"), "seq", true, errors);
        Long treeSize = positive(ctx.queryParams().get("treeSize"), "treeSize", false, errors);
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.invalidFields(errors));
        }
        String tenant = new Caller(identity, config).tenant();
        proofs.inclusion(tenant, seq, treeSize).onComplete(proved -> {
            if (proved.succeeded()) {
                PlainRoutes.sendJson(ctx, json, proved.result());
            } else {
                RouteProblems.fail(ctx, json, proved.cause());
            }
        });
    }

    /** A whole number of at least 1, or null when optional and absent; each fault added to {@code errors}. */
    private static Long positive(String value, String name, boolean required, List<Problem.FieldError> errors) {
        if (value == null || value.isEmpty()) {
            if (required) {
                errors.add(new Problem.FieldError(name, NOT_NULL));
            }
            return null;
        }
        long number;
        try {
            number = Long.parseLong(value);
        } catch (NumberFormatException e) {
            errors.add(new Problem.FieldError(name, "must be a whole number"));
            return null;
        }
        if (number < 1) {
            errors.add(new Problem.FieldError(name, AT_LEAST_ONE));
            return null;
        }
        return number;
    }
}
