package dev.consentry.consent.rest;

import dev.consentry.consent.Fixtures;
import dev.consentry.testkit.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Callers that hang up while their write is in flight (a gateway timing out, a load generator stopping, a browser
 * closed mid-submit) must not take the service down with them: each such write still runs to its end, and the
 * database connections come back to the pool ({@code RunsToCompletion}).
 */
@QuarkusTest
class CallerHangsUpTest {

    @TestHTTPResource("/")
    URL service;

    @Test
    void writesWhoseCallersHangUpRunToTheirEndAndTheServiceKeepsAnswering() throws Exception {
        Fixtures.purpose("shop-a", "marketing-email", "consent");
        String token = Tokens.storefront("shop-a");
        String prefix = "hang-up-" + UUID.randomUUID() + "-";
        // rounds of 30 writes (more than the reactive pool's 20 connections), each caller hanging up a little later,
        // so that hang-ups land before, during and after the writes' transactions
        int sent = 0;
        for (int round = 0; round < 12; round++) {
            List<Socket> callers = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                callers.add(post(token, prefix + sent++));
            }
            Thread.sleep(round * 3L);
            for (Socket caller : callers) {
                caller.close();
            }
        }

        // every connection comes back to the pool once the writes are done (a leaked one never does)
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
        double inUse = connectionsInUse();
        while (inUse > 0 && System.nanoTime() < deadline) {
            Thread.sleep(200);
            inUse = connectionsInUse();
        }
        assertEquals(0.0, inUse, "database connections still held after every caller hung up");

        RestAssuredConfig patient = RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
                .setParam("http.socket.timeout", 15_000).setParam("http.connection.timeout", 5_000));
        String subject = prefix + "after";
        given().config(patient).auth().oauth2(token).contentType(ContentType.JSON)
                .body(Fixtures.form(subject, "marketing-email", "given")).post("/v1/consents").then().statusCode(201);
        given().config(patient).auth().oauth2(token).get("/v1/subjects/{s}/decisions/marketing-email", subject)
                .then().statusCode(200).body("decision", equalTo("allow"));
    }

    private static double connectionsInUse() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(line -> line.startsWith("sql_pool_active{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    private Socket post(String token, String subject) throws Exception {
        String body = "{\"subjectId\":\"" + subject + "\",\"decisions\":[{\"purposeId\":\"marketing-email\","
                + "\"decision\":\"given\"}],\"method\":\"checkbox\",\"channel\":\"web\",\"collectionPoint\":\"test\"}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        Socket socket = new Socket(service.getHost(), service.getPort());
        OutputStream out = socket.getOutputStream();
        out.write(("POST /v1/consents HTTP/1.1\r\nHost: " + service.getHost() + "\r\nAuthorization: Bearer " + token
                + "\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        out.write(bytes);
        out.flush();
        return socket;
    }
}
