package dev.consentry.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** HTTP calls to the local platform with one token. */
final class Api {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String token;
    private final KeepAliveHttp keptAlive;

    Api(String base, String token) {
        this.base = base;
        this.token = token;
        this.keptAlive = new KeepAliveHttp(base, token);
    }

    /** A GET on the calling thread's kept-alive connection, as cheap for the load generator as it gets: lookups and proofs. */
    int keptAliveGet(String path) throws Exception {
        return keptAlive.get(path);
    }

    /** A POST on the calling thread's kept-alive connection: the timed writes. */
    int keptAlivePost(String path, String contentType, String body) throws Exception {
        return keptAlive.post(path, contentType, body);
    }

    int get(String path) throws Exception {
        return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    String getBody(String path) throws Exception {
        return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    /** A call allowed to take long (a full verification of a large log). */
    String getBody(String path, Duration timeout) throws Exception {
        return http.send(request(path).timeout(timeout).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    int post(String path, String contentType, String body) throws Exception {
        return http.send(request(path).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    String postForBody(String path, String contentType, String body) throws Exception {
        return http.send(request(path).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token);
    }
}
