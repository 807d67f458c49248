package dev.consentry.devstack;

import org.jose4j.json.JsonUtil;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The local run's identity provider follows the code flow's rules, so the console is tested against a strict one. */
class DevIdentityProviderTest {

    private static final String CONSOLE = "http://localhost:18999/";
    private static DevIdentityProvider provider;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        provider = DevIdentityProvider.start(0, new DevTokens(), List.of(
                new DevIdentityProvider.Person("dpo", "Hà", "shop-a", "dpo-1", List.of("dpo"), Map.of()),
                new DevIdentityProvider.Person("customer", "Lan", "shop-a", "cust-1", List.of("subject"), Map.of())), 5);
        provider.register(new DevIdentityProvider.Client("console", "s3cret", CONSOLE, List.of("dpo")));
    }

    @AfterAll
    static void stop() {
        provider.close();
    }

    @Test
    void theCodeFlowGivesTheClientAnIdTokenForItAndAnAccessTokenForTheServices() throws Exception {
        HttpResponse<String> page = get("/auth?" + form(Map.of("client_id", "console", "redirect_uri", CONSOLE + "cb",
                "response_type", "code", "state", "st-1", "nonce", "n-1")));
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("id=\"login-dpo\""));
        assertFalse(page.body().contains("login-customer"), "only the people this client lets sign in are offered");

        String code = authorize("dpo", Map.of("state", "st-1", "nonce", "n-1"));
        HttpResponse<String> tokens = tokenRequest(Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", CONSOLE + "cb"), "console", "s3cret");
        assertEquals(200, tokens.statusCode(), tokens.body());
        Map<String, Object> body = JsonUtil.parseJson(tokens.body());
        JwtClaims id = verifier("console").processToClaims((String) body.get("id_token"));
        assertEquals("n-1", id.getClaimValue("nonce"));
        assertEquals("dpo-1", id.getSubject());
        JwtClaims access = verifier(DevTokens.AUDIENCE).processToClaims((String) body.get("access_token"));
        assertEquals("shop-a", access.getClaimValue("tenant"));
        assertEquals(List.of("dpo"), access.getStringListClaimValue("groups"));

        HttpResponse<String> refreshed = tokenRequest(Map.of("grant_type", "refresh_token",
                "refresh_token", (String) body.get("refresh_token")), "console", "s3cret");
        assertEquals(200, refreshed.statusCode());
        assertEquals(400, tokenRequest(Map.of("grant_type", "refresh_token",
                "refresh_token", (String) body.get("refresh_token")), "console", "s3cret").statusCode(),
                "a refresh token is used once");
    }

    @Test
    void aCodeIsExchangedOnceByItsClientWithItsSecretAndItsVerifier() throws Exception {
        String verifier = "a-long-random-code-verifier-of-the-client-0123456789";
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        String code = authorize("dpo", Map.of("code_challenge", challenge, "code_challenge_method", "S256"));
        Map<String, String> exchange = new LinkedHashMap<>(Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", CONSOLE + "cb"));
        assertEquals(401, tokenRequest(exchange, "console", "wrong").statusCode(), "a wrong client secret");
        exchange.put("code_verifier", "not-the-verifier");
        assertEquals(400, tokenRequest(exchange, "console", "s3cret").statusCode(), "a wrong PKCE verifier");

        String second = authorize("dpo", Map.of("code_challenge", challenge, "code_challenge_method", "S256"));
        exchange.put("code", second);
        exchange.put("code_verifier", verifier);
        assertEquals(200, tokenRequest(exchange, "console", "s3cret").statusCode());
        assertEquals(400, tokenRequest(exchange, "console", "s3cret").statusCode(), "a code is used once");
    }

    @Test
    void aForeignRedirectOrAPersonTheClientDoesNotOfferIsRefused() throws Exception {
        assertEquals(400, get("/auth?" + form(Map.of("client_id", "console", "redirect_uri", "http://evil.example/cb",
                "response_type", "code"))).statusCode());
        assertEquals(400, post("/auth", Map.of("client_id", "console", "redirect_uri", CONSOLE + "cb",
                "response_type", "code", "login", "customer")).statusCode());
        assertEquals(400, get("/auth?" + form(Map.of("client_id", "unknown", "redirect_uri", CONSOLE + "cb",
                "response_type", "code"))).statusCode());
    }

    private static String authorize(String login, Map<String, String> extra) throws Exception {
        Map<String, String> fields = new LinkedHashMap<>(Map.of("client_id", "console", "redirect_uri", CONSOLE + "cb",
                "response_type", "code", "login", login));
        fields.putAll(extra);
        HttpResponse<String> back = post("/auth", fields);
        assertEquals(303, back.statusCode());
        String location = back.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith(CONSOLE + "cb?"), location);
        Map<String, String> query = java.util.Arrays.stream(location.substring(location.indexOf('?') + 1).split("&"))
                .map(p -> p.split("=", 2)).collect(Collectors.toMap(p -> p[0], p -> p[1]));
        assertEquals(extra.get("state"), query.get("state"), "the state comes back as sent, and only if sent");
        return query.get("code");
    }

    private static JwtConsumer verifier(String audience) throws Exception {
        String jwks = get("/jwks").body();
        return new JwtConsumerBuilder().setExpectedIssuer(DevTokens.ISSUER).setExpectedAudience(audience)
                .setVerificationKeyResolver(new JwksVerificationKeyResolver(new JsonWebKeySet(jwks).getJsonWebKeys()))
                .build();
    }

    private static HttpResponse<String> tokenRequest(Map<String, String> fields, String client, String secret) throws Exception {
        String basic = Base64.getEncoder().encodeToString((client + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return HTTP.send(HttpRequest.newBuilder(URI.create(provider.url() + "/token")).header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields))).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(provider.url() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, Map<String, String> fields) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(provider.url() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields))).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
