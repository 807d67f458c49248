package dev.consentry.devstack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The local run's demo storefront page with the consent banner (U3), served the way a shop should serve it: a strict
 * Content-Security-Policy (no inline script or style; scripts and calls only from itself and Consentry) that reports
 * violations to it, an anonymous visitor id in an HttpOnly cookie, and a backend endpoint that mints the visitor's
 * token with the storefront's own credential, which never reaches the browser. Its page records what it hands to
 * Google's gtag in {@code window.dataLayer}, as gtag.js would.
 */
public final class DemoShop implements AutoCloseable {

    private static final Pattern VISITOR = Pattern.compile("(?:^|;\\s*)visitor=(visitor-[0-9a-f-]{36})");
    private final HttpServer server;
    private final String tenant;
    private final String consentUrl;
    private final Supplier<String> storefrontToken;
    private final List<String> violationReports = new CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();

    private DemoShop(HttpServer server, String tenant, String consentUrl, Supplier<String> storefrontToken) {
        this.server = server;
        this.tenant = tenant;
        this.consentUrl = consentUrl;
        this.storefrontToken = storefrontToken;
    }

    /** Starts on {@code port} of the loopback interface, for {@code tenant}, with consent-service at {@code consentUrl}. */
    public static DemoShop start(int port, String tenant, String consentUrl, Supplier<String> storefrontToken)
            throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        DemoShop shop = new DemoShop(server, tenant, consentUrl, storefrontToken);
        server.createContext("/", shop::page);
        server.createContext("/visitor-token", shop::visitorToken);
        server.createContext("/csp-reports", shop::report);
        server.createContext("/shop.js", ex -> send(ex, 200, "text/javascript; charset=utf-8", Resources.SHOP_JS, null));
        server.createContext("/shop.css", ex -> send(ex, 200, "text/css; charset=utf-8", Resources.SHOP_CSS, null));
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "demo-shop");
            t.setDaemon(true);
            return t;
        }));
        server.start();
        return shop;
    }

    public String url() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    /** The Content-Security-Policy violation reports browsers sent (none, when the banner keeps to the policy). */
    public List<String> violationReports() {
        return List.copyOf(violationReports);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private String policy() {
        return "default-src 'self'; script-src 'self' " + consentUrl + "; connect-src 'self' " + consentUrl
                + "; style-src 'self'; img-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
                + "frame-ancestors 'none'; report-uri /csp-reports";
    }

    private void page(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestURI().getPath().equals("/")) {
                send(exchange, 404, "text/plain", "not found", null);
                return;
            }
            String visitor = visitorOf(exchange);
            if (visitor == null) {
                visitor = "visitor-" + UUID.randomUUID();
                exchange.getResponseHeaders().add("Set-Cookie", "visitor=" + visitor + "; Path=/; HttpOnly; SameSite=Lax");
            }
            String html = Resources.PAGE.replace("{consent}", consentUrl).replace("{tenant}", tenant);
            send(exchange, 200, "text/html; charset=utf-8", html, policy());
        }
    }

    /** The storefront's backend: a visitor token for the visitor of this browser, minted with its own credential. */
    private void visitorToken(HttpExchange exchange) throws IOException {
        try (exchange) {
            String visitor = visitorOf(exchange);
            if (visitor == null) {
                send(exchange, 400, "application/json", "{\"error\":\"no visitor cookie\"}", null);
                return;
            }
            HttpResponse<String> minted = http.send(HttpRequest.newBuilder(URI.create(consentUrl + "/v1/visitor-tokens"))
                    .header("Authorization", "Bearer " + storefrontToken.get()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"visitorId\":\"" + visitor + "\",\"minutes\":30}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            send(exchange, minted.statusCode() == 201 ? 200 : 502, "application/json", minted.body(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private void report(HttpExchange exchange) throws IOException {
        try (exchange) {
            violationReports.add(new String(exchange.getRequestBody().readNBytes(16 * 1024), StandardCharsets.UTF_8));
            send(exchange, 204, "text/plain", "", null);
        }
    }

    private static String visitorOf(HttpExchange exchange) {
        for (String cookie : exchange.getRequestHeaders().getOrDefault("Cookie", List.of())) {
            Matcher m = VISITOR.matcher(cookie);
            if (m.find()) {
                return m.group(1);
            }
        }
        return null;
    }

    private static void send(HttpExchange exchange, int status, String type, String body, String policy) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        if (policy != null) {
            exchange.getResponseHeaders().set("Content-Security-Policy", policy);
        }
        exchange.sendResponseHeaders(status, status == 204 ? -1 : bytes.length);
        if (status != 204) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /** The demo page and its own script and style (no inline code: the policy forbids it). */
    private static final class Resources {

        static final String PAGE = """
                <!DOCTYPE html>
                <html lang="vi">
                <head>
                  <meta charset="utf-8">
                  <meta name="viewport" content="width=device-width, initial-scale=1">
                  <title>Shop A — demo storefront</title>
                  <link rel="stylesheet" href="/shop.css">
                  <script src="/shop.js"></script>
                  <script src="{consent}/banner/v1/consentry-banner.js" data-tenant="{tenant}"
                          data-token-url="/visitor-token" defer></script>
                </head>
                <body>
                  <header><strong>Shop A</strong> — áo dài, nón lá, cà phê</header>
                  <main>
                    <h1>Demo storefront</h1>
                    <p>This page carries Consentry's consent banner under a strict Content-Security-Policy.</p>
                    <ul class="products"><li>Áo dài lụa — 1.200.000 ₫</li><li>Nón lá — 150.000 ₫</li>
                      <li>Cà phê Buôn Ma Thuột 500 g — 220.000 ₫</li></ul>
                  </main>
                  <footer><a href="#" id="privacy-settings" data-consentry-open>Privacy settings / Cài đặt quyền riêng tư</a></footer>
                </body>
                </html>
                """;

        /** What gtag.js would do with the calls: keep them in dataLayer; and note any policy violation. */
        static final String SHOP_JS = """
                window.dataLayer = window.dataLayer || [];
                window.gtag = function () { window.dataLayer.push(arguments); };
                window.cspViolations = [];
                document.addEventListener('securitypolicyviolation', function (e) {
                  window.cspViolations.push(e.violatedDirective + ' ' + e.blockedURI);
                });
                """;

        static final String SHOP_CSS = """
                body { font: 16px/1.5 system-ui, sans-serif; margin: 0; padding-bottom: 20em; }
                header { background: #7a1f2b; color: #fff; padding: .8em 1.5em; }
                main, footer { padding: 0 1.5em; }
                """;
    }
}
