package dev.consentry.devstack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.jose4j.json.JsonUtil;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/**
 * The local run's identity provider: a small OpenID Connect provider (discovery, keys, authorization code flow with
 * optional PKCE, refresh, RP-initiated logout) whose sign-in page lets you pick one of the demo people instead of
 * typing a password. The privacy console and the privacy center sign in through it exactly as they sign in through
 * the shop's Keycloak in production; its tokens are {@link DevTokens}' (issuer, key and audience the services accept).
 * Listens on the loopback interface only. Not for production: anyone who reaches it can sign in as anyone listed.
 */
public final class DevIdentityProvider implements AutoCloseable {

    /** A demo person: the login the sign-in page offers, and the claims their tokens carry. */
    public record Person(String login, String name, String tenant, String subject, List<String> roles,
                         Map<String, Object> claims) {
    }

    /** A client (relying party): its secret, where it may send people back to, and whom it lets sign in. */
    public record Client(String id, String secret, String baseUrl, List<String> logins) {
    }

    private record Grant(Client client, Person person, String redirectUri, String nonce, String codeChallenge,
                         Instant expires) {
    }

    private static final Duration CODE_LIFETIME = Duration.ofMinutes(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final HttpServer server;
    private final DevTokens tokens;
    private final Map<String, Person> people = new LinkedHashMap<>();
    private final Map<String, Client> clients = new ConcurrentHashMap<>();
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final Map<String, Grant> refreshTokens = new ConcurrentHashMap<>();
    private final int tokenMinutes;
    private final Clock clock = Clock.systemUTC();

    private DevIdentityProvider(HttpServer server, DevTokens tokens, List<Person> people, int tokenMinutes) {
        this.server = server;
        this.tokens = tokens;
        this.tokenMinutes = tokenMinutes;
        people.forEach(p -> this.people.put(p.login(), p));
    }

    /** Starts on {@code port} of the loopback interface; tokens live {@code tokenMinutes} and are renewed by refresh. */
    public static DevIdentityProvider start(int port, DevTokens tokens, List<Person> people, int tokenMinutes)
            throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        DevIdentityProvider provider = new DevIdentityProvider(server, tokens, people, tokenMinutes);
        server.createContext("/.well-known/openid-configuration", provider.handle(provider::discovery));
        server.createContext("/jwks", provider.handle(ex -> provider.json(ex, 200, tokens.jwks())));
        server.createContext("/auth", provider.handle(provider::authorize));
        server.createContext("/token", provider.handle(provider::token));
        server.createContext("/logout", provider.handle(provider::logout));
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "dev-identity-provider");
            t.setDaemon(true);
            return t;
        }));
        server.start();
        return provider;
    }

    /** Registers a client; its redirect and post-logout URIs must start with {@code baseUrl}. */
    public void register(Client client) {
        clients.put(client.id(), client);
    }

    /** The provider's URL (what a client's {@code quarkus.oidc.auth-server-url} names). */
    public String url() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    private com.sun.net.httpserver.HttpHandler handle(Handler handler) {
        return exchange -> {
            try (exchange) {
                exchange.getResponseHeaders().add("Cache-Control", "no-store");
                handler.handle(exchange);
            } catch (RuntimeException e) {
                page(exchange, 500, "Error", "The development identity provider failed: " + e.getClass().getSimpleName());
            }
        };
    }

    private void discovery(HttpExchange exchange) throws IOException {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("issuer", DevTokens.ISSUER);
        metadata.put("authorization_endpoint", url() + "/auth");
        metadata.put("token_endpoint", url() + "/token");
        metadata.put("jwks_uri", url() + "/jwks");
        metadata.put("end_session_endpoint", url() + "/logout");
        metadata.put("response_types_supported", List.of("code"));
        metadata.put("grant_types_supported", List.of("authorization_code", "refresh_token"));
        metadata.put("subject_types_supported", List.of("public"));
        metadata.put("id_token_signing_alg_values_supported", List.of("RS256"));
        metadata.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post"));
        metadata.put("code_challenge_methods_supported", List.of("S256"));
        metadata.put("scopes_supported", List.of("openid", "profile"));
        json(exchange, 200, JsonUtil.toJson(metadata));
    }

    /** GET shows the people the client may sign in; POST (the chosen person) sends the browser back with a code. */
    private void authorize(HttpExchange exchange) throws IOException {
        boolean post = exchange.getRequestMethod().equals("POST");
        Map<String, String> params = post ? form(exchange) : query(exchange);
        Client client = clients.get(params.getOrDefault("client_id", ""));
        String redirectUri = params.getOrDefault("redirect_uri", "");
        if (client == null || !redirectUri.startsWith(client.baseUrl())) {
            page(exchange, 400, "Sign-in refused", "Unknown client or a redirect URI it did not register.");
            return;
        }
        if (!"code".equals(params.get("response_type"))) {
            redirect(exchange, redirectUri, withState(Map.of("error", "unsupported_response_type"), params));
            return;
        }
        if (!post) {
            signInPage(exchange, client, params);
            return;
        }
        Person person = people.get(params.getOrDefault("login", ""));
        if (person == null || !client.logins().contains(person.login())) {
            page(exchange, 400, "Sign-in refused", "This person may not sign in to this application.");
            return;
        }
        String code = random();
        codes.put(code, new Grant(client, person, redirectUri, params.get("nonce"), params.get("code_challenge"),
                clock.instant().plus(CODE_LIFETIME)));
        redirect(exchange, redirectUri, withState(Map.of("code", code), params));
    }

    /** The answer's parameters, then the client's state if it sent one (returned unchanged, RFC 6749 4.1.2). */
    private static Map<String, String> withState(Map<String, String> answer, Map<String, String> request) {
        Map<String, String> all = new LinkedHashMap<>(answer);
        if (request.containsKey("state")) {
            all.put("state", request.get("state"));
        }
        return all;
    }

    private void signInPage(HttpExchange exchange, Client client, Map<String, String> params) throws IOException {
        StringBuilder body = new StringBuilder("<p>Consentry's development identity provider. Choose who signs in to <b>")
                .append(escape(client.id())).append("</b>:</p><form method=\"post\" action=\"/auth\">");
        for (String field : List.of("client_id", "redirect_uri", "response_type", "state", "nonce", "scope",
                "code_challenge", "code_challenge_method")) {
            if (params.containsKey(field)) {
                body.append("<input type=\"hidden\" name=\"").append(field).append("\" value=\"")
                        .append(escape(params.get(field))).append("\">");
            }
        }
        body.append("<ul>");
        for (String login : client.logins()) {
            Person p = people.get(login);
            body.append("<li><button type=\"submit\" name=\"login\" id=\"login-").append(escape(login))
                    .append("\" value=\"").append(escape(login)).append("\">").append(escape(p.name())).append("</button> ")
                    .append(escape(p.tenant() == null ? "" : p.tenant())).append(' ')
                    .append(escape(String.join(", ", p.roles()))).append("</li>");
        }
        body.append("</ul></form>");
        page(exchange, 200, "Sign in", body.toString());
    }

    private void token(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestMethod().equals("POST")) {
            tokenError(exchange, 405, "invalid_request");
            return;
        }
        Map<String, String> params = form(exchange);
        Client client = authenticate(exchange, params).orElse(null);
        if (client == null) {
            tokenError(exchange, 401, "invalid_client");
            return;
        }
        Grant grant;
        switch (params.getOrDefault("grant_type", "")) {
            case "authorization_code" -> {
                grant = codes.remove(params.getOrDefault("code", ""));
                if (grant == null || grant.expires().isBefore(clock.instant()) || grant.client() != client
                        || !grant.redirectUri().equals(params.get("redirect_uri"))
                        || !pkceHolds(grant, params.get("code_verifier"))) {
                    tokenError(exchange, 400, "invalid_grant");
                    return;
                }
            }
            case "refresh_token" -> {
                grant = refreshTokens.remove(params.getOrDefault("refresh_token", ""));
                if (grant == null || grant.client() != client) {
                    tokenError(exchange, 400, "invalid_grant");
                    return;
                }
            }
            default -> {
                tokenError(exchange, 400, "unsupported_grant_type");
                return;
            }
        }
        Person person = grant.person();
        Map<String, Object> claims = new HashMap<>(person.claims());
        claims.put("name", person.name());
        claims.put("azp", client.id());
        String accessToken = tokens.issue(person.tenant(), person.subject(), person.roles(), tokenMinutes, claims);
        Map<String, Object> idClaims = new HashMap<>(claims);
        if (grant.nonce() != null) {
            idClaims.put("nonce", grant.nonce());
        }
        String idToken = tokens.issueFor(client.id(), person.tenant(), person.subject(), person.roles(), tokenMinutes, idClaims);
        String refreshToken = random();
        refreshTokens.put(refreshToken, new Grant(client, person, grant.redirectUri(), null, null, Instant.MAX));
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("access_token", accessToken);
        response.put("id_token", idToken);
        response.put("refresh_token", refreshToken);
        response.put("token_type", "Bearer");
        response.put("expires_in", tokenMinutes * 60);
        json(exchange, 200, JsonUtil.toJson(response));
    }

    private Optional<Client> authenticate(HttpExchange exchange, Map<String, String> params) {
        String id = params.get("client_id");
        String secret = params.get("client_secret");
        String basic = exchange.getRequestHeaders().getFirst("Authorization");
        if (basic != null && basic.startsWith("Basic ")) {
            String[] pair = new String(Base64.getDecoder().decode(basic.substring(6)), StandardCharsets.UTF_8).split(":", 2);
            if (pair.length == 2) {
                id = URLDecoder.decode(pair[0], StandardCharsets.UTF_8);
                secret = URLDecoder.decode(pair[1], StandardCharsets.UTF_8);
            }
        }
        Client client = id == null ? null : clients.get(id);
        if (client == null || secret == null || !MessageDigest.isEqual(client.secret().getBytes(StandardCharsets.UTF_8),
                secret.getBytes(StandardCharsets.UTF_8))) {
            return Optional.empty();
        }
        return Optional.of(client);
    }

    private static boolean pkceHolds(Grant grant, String verifier) {
        if (grant.codeChallenge() == null) {
            return true;
        }
        if (verifier == null) {
            return false;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).equals(grant.codeChallenge());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** RP-initiated logout: sends the browser back to the client that registered the address (no session is kept here). */
    private void logout(HttpExchange exchange) throws IOException {
        Map<String, String> params = query(exchange);
        String back = params.get("post_logout_redirect_uri");
        if (back != null && clients.values().stream().anyMatch(c -> back.startsWith(c.baseUrl()))) {
            Map<String, String> state = params.containsKey("state") ? Map.of("state", params.get("state")) : Map.of();
            redirect(exchange, back, state);
            return;
        }
        page(exchange, 200, "Signed out", "You are signed out.");
    }

    private static void tokenError(HttpExchange exchange, int status, String error) throws IOException {
        json(exchange, status, JsonUtil.toJson(Map.of("error", error)));
    }

    private static void json(HttpExchange exchange, int status, String body) throws IOException {
        send(exchange, status, "application/json", body);
    }

    private static void page(HttpExchange exchange, int status, String title, String bodyHtml) throws IOException {
        send(exchange, status, "text/html; charset=utf-8", "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>" + escape(title) + "</title></head><body><h1>" + escape(title) + "</h1>" + bodyHtml + "</body></html>");
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void redirect(HttpExchange exchange, String uri, Map<String, String> params) throws IOException {
        StringBuilder target = new StringBuilder(uri);
        char separator = uri.contains("?") ? '&' : '?';
        for (var e : params.entrySet()) {
            target.append(separator).append(e.getKey()).append('=').append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
            separator = '&';
        }
        exchange.getResponseHeaders().set("Location", target.toString());
        exchange.sendResponseHeaders(303, -1);
    }

    private static Map<String, String> query(HttpExchange exchange) {
        return parse(exchange.getRequestURI().getRawQuery());
    }

    private static Map<String, String> form(HttpExchange exchange) throws IOException {
        return parse(new String(exchange.getRequestBody().readNBytes(64 * 1024), StandardCharsets.UTF_8));
    }

    private static Map<String, String> parse(String encoded) {
        Map<String, String> params = new HashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return params;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                params.putIfAbsent(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
