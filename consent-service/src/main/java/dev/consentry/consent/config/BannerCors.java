package dev.consentry.consent.config;

import dev.consentry.consent.service.VisitorTokens;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpMethod;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The banner runs on the storefront's pages, another origin: its API ({@code /v1/banner/*}) answers any origin
 * without credentials (it reads no cookie; a visitor token in a header is its only authority), and its preflight
 * allows exactly the header and methods it uses. Every other path keeps the browser's same-origin rule.
 */
@ApplicationScoped
public class BannerCors {

    static final String PATH = "/v1/banner/";

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            if (!rc.normalizedPath().startsWith(PATH)) {
                rc.next();
                return;
            }
            var headers = rc.response().headers();
            headers.set("Access-Control-Allow-Origin", "*");
            headers.set("Vary", "Origin");
            if (rc.request().method() == HttpMethod.OPTIONS
                    && rc.request().getHeader("Access-Control-Request-Method") != null) {
                headers.set("Access-Control-Allow-Methods", "GET, POST");
                headers.set("Access-Control-Allow-Headers", "Content-Type, Idempotency-Key, " + VisitorTokens.HEADER);
                headers.set("Access-Control-Max-Age", "600");
                rc.response().setStatusCode(204).end();
                return;
            }
            rc.next();
        }, 500);
    }
}
