package dev.consentry.dsr.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.consentry.dsr.Fixtures;
import dev.consentry.dsr.MovableClock;
import dev.consentry.events.EventContract;
import dev.consentry.events.Topics;
import dev.consentry.testkit.KafkaTopics;
import dev.consentry.testkit.OutboxProbe;
import dev.consentry.testkit.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * P1 over a real database, broker and HTTP endpoint: notices reach webhook partners signed as Standard Webhooks
 * describes (checked here by an implementation of our own), answers come back under the partner's token or in the
 * response body, a hanging endpoint does not hold up a healthy one, and retries stop and escalate at the configured
 * time.
 */
@QuarkusTest
class WebhookDeliveryTest {

    @Inject
    AgroalDataSource dataSource;

    private static final String TENANT = "shop-hooks";
    private static HttpServer server;
    private static final List<Delivery> received = new CopyOnWriteArrayList<>();
    private static final CountDownLatch release = new CountDownLatch(1);
    private static final AtomicBoolean recovered = new AtomicBoolean();

    @Inject
    MovableClock clock;

    /** What the test endpoint received on one path. */
    record Delivery(String path, String id, String timestamp, String signature, String body, long arrivedNanos) {
        JsonNode json() {
            return KafkaTopics.json(body);
        }
    }

    @BeforeAll
    static void endpoint() throws IOException {
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/ok", exchange -> answer(exchange, 204, ""));
        server.createContext("/fail", exchange -> answer(exchange, 500, "broken"));
        server.createContext("/recovering", exchange -> answer(exchange, recovered.get() ? 204 : 503, ""));
        server.createContext("/hang", exchange -> {
            record(exchange);
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        server.createContext("/reply", exchange -> {
            Delivery d = record(exchange);
            JsonNode data = d.json().path("data");
            respond(exchange, 200, "{\"noticeId\":\"" + data.path("noticeId").asText() + "\",\"recipientId\":\""
                    + data.path("recipientId").asText() + "\",\"outcome\":\"completed\",\"reason\":\"done\"}");
        });
        server.start();
    }

    @AfterAll
    static void stop() {
        release.countDown();
        server.stop(0);
    }

    @AfterEach
    void backToToday() {
        clock.reset();
    }

    private static Delivery record(HttpExchange exchange) throws IOException {
        Delivery d = new Delivery(exchange.getRequestURI().getPath(), exchange.getRequestHeaders().getFirst("webhook-id"),
                exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                exchange.getRequestHeaders().getFirst("webhook-signature"),
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8), System.nanoTime());
        received.add(d);
        return d;
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        record(exchange);
        respond(exchange, status, body);
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    /** Standard Webhooks, written here independently: HMAC-SHA256 of id.timestamp.body under the secret's bytes. */
    private static boolean signedWith(String secret, Delivery d) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.replaceFirst("^whsec_", "")), "HmacSHA256"));
        String expected = Base64.getEncoder().encodeToString(
                mac.doFinal((d.id() + "." + d.timestamp() + "." + d.body()).getBytes(StandardCharsets.UTF_8)));
        for (String candidate : d.signature().split(" ")) {
            if (candidate.equals("v1," + expected)) {
                return true;
            }
        }
        return false;
    }

    private static String webhookPartner(String id, String path) {
        return given().auth().oauth2(Tokens.platformAdmin()).contentType(ContentType.JSON)
                .body(Map.of("id", id, "name", id, "delivery", "webhook",
                        "webhookUrl", "http://localhost:" + server.getAddress().getPort() + path))
                .post("/v1/partners").then().statusCode(201)
                .body("webhookSecret", startsWith("whsec_")).extract().path("webhookSecret");
    }

    private static void link(String partnerId) {
        given().auth().oauth2(Tokens.dpo(TENANT)).contentType(ContentType.JSON)
                .body(Map.of("partnerId", partnerId, "name", partnerId, "kind", "shipping_carrier",
                        "dataCategories", List.of("shippingAddress"), "replyWithinDays", 5))
                .post("/v1/recipients").then().statusCode(201);
    }

    /** A correction of the subject's address: a notice for every partner that received it. */
    private static String correction(String subject, String... partners) {
        for (String partner : partners) {
            Fixtures.disclosure(TENANT, subject, partner, "shippingAddress");
        }
        return given().auth().oauth2(Tokens.storefront(TENANT)).contentType(ContentType.JSON)
                .body(Fixtures.correction(subject)).post("/v1/requests").then().statusCode(201).extract().path("id");
    }

    private static List<Delivery> deliveriesFor(String path, String subject) {
        return received.stream().filter(d -> d.path().equals(path) && d.body().contains(subject)).toList();
    }

    @Test
    void P1_aSignedNoticeReachesTheWebhookAndItsAnswerComesBackUnderThePartnersToken() throws Exception {
        String secret = webhookPartner("hook-ok", "/ok");
        link("hook-ok");
        String subject = "cust-" + UUID.randomUUID();
        String requestId = correction(subject, "hook-ok");

        await().atMost(Duration.ofSeconds(15)).until(() -> deliveriesFor("/ok", subject).size() == 1);
        Delivery d = deliveriesFor("/ok", subject).get(0);
        assertTrue(signedWith(secret, d), "the signature verifies with the partner's secret");
        assertEquals(List.of(), EventContract.violations(d.json()));
        assertEquals("dev.consentry.partner.correction.v1", d.json().path("type").asText());
        assertEquals(d.json().path("id").asText(), d.id(), "webhook-id is the CloudEvent's id");
        OutboxProbe.awaitSent(dataSource);
        assertEquals(0, KafkaTopics.eventsToEnd(Topics.partnerNotices("hook-ok"), e -> true).size(),
                "a webhook partner's notices do not go to Kafka");

        String noticeId = d.json().path("data").path("noticeId").asText();
        Map<String, Object> reply = Map.of("noticeId", noticeId, "recipientId", "hook-ok", "outcome", "completed");
        given().auth().oauth2(Tokens.partner("hook-intruder")).contentType(ContentType.JSON).body(reply)
                .post("/v1/partner-replies").then().statusCode(404);
        given().auth().oauth2(Tokens.storefront(TENANT)).contentType(ContentType.JSON).body(reply)
                .post("/v1/partner-replies").then().statusCode(403);
        given().auth().oauth2(Tokens.partner("hook-ok")).contentType(ContentType.JSON).body(reply)
                .post("/v1/partner-replies").then().statusCode(200);
        given().auth().oauth2(Tokens.dpo(TENANT)).get("/v1/requests/{id}", requestId).then()
                .body("status", equalTo("completed"));

        // after a rotation both secrets sign, so the partner can switch without losing a notice
        String rotated = given().auth().oauth2(Tokens.platformAdmin()).post("/v1/partners/hook-ok/webhook-secret-rotation")
                .then().statusCode(200).extract().path("webhookSecret");
        String next = "cust-" + UUID.randomUUID();
        correction(next, "hook-ok");
        await().atMost(Duration.ofSeconds(15)).until(() -> deliveriesFor("/ok", next).size() == 1);
        Delivery second = deliveriesFor("/ok", next).get(0);
        assertTrue(signedWith(rotated, second) && signedWith(secret, second), "new and previous secret both sign");
    }

    @Test
    void P1_aHangingEndpointDoesNotHoldUpAHealthyOneAndAnAnswerInTheBodyCounts() {
        webhookPartner("hook-hang", "/hang");
        webhookPartner("hook-body", "/reply");
        link("hook-hang");
        link("hook-body");
        String subject = "cust-" + UUID.randomUUID();
        String requestId = correction(subject, "hook-hang", "hook-body");

        await().atMost(Duration.ofSeconds(15)).until(() -> deliveriesFor("/reply", subject).size() == 1
                && !deliveriesFor("/hang", subject).isEmpty());
        // both lanes started together: the healthy delivery did not wait for the hanging request's 2 s timeout
        long apart = Math.abs(deliveriesFor("/reply", subject).get(0).arrivedNanos()
                - deliveriesFor("/hang", subject).get(0).arrivedNanos());
        assertTrue(apart < Duration.ofSeconds(2).toNanos(), "the healthy partner was not held up (" + apart / 1_000_000
                + " ms apart)");
        // the answer in the healthy partner's response body was applied
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(Tokens.dpo(TENANT))
                .get("/v1/requests/{id}", requestId).then()
                .body("notices.find { it.recipientId == 'hook-body' }.outcome", equalTo("completed")));
    }

    /**
     * A partner back after an outage: the retries of several subjects' notices fall due together and are delivered
     * side by side in one lane — each once, each settled (no further attempt).
     */
    @Test
    void P1_noticesOfSeveralSubjectsDueTogetherAreEachDeliveredOnce() {
        webhookPartner("hook-back", "/recovering");
        link("hook-back");
        List<String> subjects = java.util.stream.IntStream.range(0, 6).mapToObj(i -> "cust-" + UUID.randomUUID()).toList();
        subjects.forEach(subject -> correction(subject, "hook-back"));
        await().atMost(Duration.ofSeconds(15)).until(() -> subjects.stream()
                .allMatch(subject -> !deliveriesFor("/recovering", subject).isEmpty()));

        recovered.set(true);
        int before = (int) received.stream().filter(d -> d.path().equals("/recovering")).count();
        clock.advance(Duration.ofMinutes(10));
        await().atMost(Duration.ofSeconds(15)).until(() ->
                received.stream().filter(d -> d.path().equals("/recovering")).count() == before + subjects.size());
        clock.advance(Duration.ofHours(2));
        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() ->
                received.stream().filter(d -> d.path().equals("/recovering")).count() == before + subjects.size());
        for (String subject : subjects) {
            assertEquals(2, deliveriesFor("/recovering", subject).size(), "a failed attempt, then one delivery");
        }
    }

    @Test
    void P1_retriesStopAtTheConfiguredTimeAndTheNoticeIsEscalated() {
        webhookPartner("hook-fail", "/fail");
        link("hook-fail");
        String subject = "cust-" + UUID.randomUUID();
        String requestId = correction(subject, "hook-fail");
        await().atMost(Duration.ofSeconds(15)).until(() -> deliveriesFor("/fail", subject).size() >= 1);

        // a day later (consentry.dsr.webhooks.give-up-after), the next failure is the last
        clock.advance(Duration.ofDays(1).plusMinutes(1));
        List<JsonNode> escalated = KafkaTopics.awaitEvents(Topics.DSR, e -> requestId.equals(e.path("data").path("requestId").asText())
                && e.path("type").asText().endsWith(".partner-overdue.v1"), 1, Duration.ofSeconds(20));
        assertEquals(1, escalated.size(), "the partner is overdue on the request");
        int attempts = deliveriesFor("/fail", subject).size();
        clock.advance(Duration.ofHours(2));
        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                .until(() -> deliveriesFor("/fail", subject).size() == attempts);

        // the dead letter is listed (never its payload), and re-driven once the endpoint may work again
        String deliveryId = given().auth().oauth2(Tokens.platformAdmin()).get("/v1/partners/hook-fail/webhook-deliveries")
                .then().statusCode(200)
                .body("[0].lastStatus", equalTo(500)).body("[0].givenUpAt", org.hamcrest.Matchers.notNullValue())
                .extract().path("[0].id");
        given().auth().oauth2(Tokens.dpo(TENANT)).get("/v1/partners/hook-fail/webhook-deliveries").then().statusCode(403);
        given().auth().oauth2(Tokens.platformAdmin())
                .post("/v1/partners/hook-fail/webhook-deliveries/{d}/retry", UUID.randomUUID()).then().statusCode(404);
        given().auth().oauth2(Tokens.platformAdmin())
                .post("/v1/partners/hook-fail/webhook-deliveries/{d}/retry", deliveryId).then().statusCode(202);
        await().atMost(Duration.ofSeconds(10)).until(() -> deliveriesFor("/fail", subject).size() == attempts + 1);
    }
}
