package dev.consentry.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

/** The services' HTTP APIs as one privacy officer (the token's tenant is the shop) calls them. */
final class ShopApi {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final int PAGE = 500;

    enum Service { CONSENT, DSR }

    /** An answer other than 2xx, with the problem's detail. */
    static final class ApiException extends RuntimeException {
        final int status;

        ApiException(String call, int status, String detail) {
            super(call + " answered " + status + (detail == null || detail.isBlank() ? "" : ": " + detail));
            this.status = status;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI consent;
    private final URI dsr;
    private final String token;

    ShopApi(URI consent, URI dsr, String token) {
        this.consent = consent;
        this.dsr = dsr;
        this.token = token;
    }

    /** The resource, or null if there is none (404). */
    JsonNode get(Service service, String path) {
        HttpResponse<String> response = send("GET", service, path, null);
        return response.statusCode() == 404 ? null : body(response);
    }

    /** Every item of a paged list. */
    ArrayNode list(Service service, String path) {
        ArrayNode all = JSON.createArrayNode();
        for (int page = 0; ; page++) {
            JsonNode items = get(service, path + (path.contains("?") ? "&" : "?") + "page=" + page + "&size=" + PAGE);
            items.forEach(all::add);
            if (items.size() < PAGE) {
                return all;
            }
        }
    }

    /** A write; a POST carries an Idempotency-Key derived from its body, so a retried apply creates nothing twice. */
    JsonNode write(String method, Service service, String path, JsonNode body) {
        return body(send(method, service, path, body));
    }

    private HttpResponse<String> send(String method, Service service, String path, JsonNode body) {
        URI base = service == Service.CONSENT ? consent : dsr;
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            String json = body.toString();
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
            if ("POST".equals(method)) {
                request.header("Idempotency-Key", "config-" + sha256(path + "\n" + json));
            }
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300 && !(response.statusCode() == 404 && "GET".equals(method))) {
                JsonNode problem = response.body().isBlank() ? null : JSON.readTree(response.body());
                throw new ApiException(method + " " + path, response.statusCode(),
                        problem == null ? null : problem.path("detail").asText(null));
            }
            return response;
        } catch (IOException e) {
            throw new ApiException(method + " " + path, 0, "no answer from " + base + " (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(method + " " + path, 0, "interrupted");
        }
    }

    private static JsonNode body(HttpResponse<String> response) {
        try {
            return response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new ApiException("reading an answer", response.statusCode(), "not JSON");
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)))
                    .substring(0, 40);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
