package dev.consentry.conformance;

import com.sun.net.httpserver.HttpServer;
import dev.consentry.events.CloudEvent;
import dev.consentry.events.EventContract;
import dev.consentry.events.data.PartnerReply;
import dev.consentry.example.partner.ExampleWebhookCarrier;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** P3 for webhook partners: the example webhook carrier conforms; one that checks nothing and answers wrongly does not. */
class WebhookConformanceTest {

    private static String secret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return "whsec_" + Base64.getEncoder().encodeToString(bytes);
    }

    @Test
    void P3_theExampleWebhookPartnerConforms() throws Exception {
        String secret = secret();
        try (ExampleWebhookCarrier carrier = new ExampleWebhookCarrier(0, "kit-hook", secret).start()) {
            Report report = new WebhookConformance(URI.create("http://localhost:" + carrier.port() + "/"), secret,
                    "kit-hook", "conformance-shop", Duration.ofSeconds(10)).run();
            assertTrue(report.passed(), report.text());
            assertTrue(report.text().contains("PASS rejects-bad-signature"), report.text());
            assertTrue(report.text().contains("PASS rejects-stale-timestamp"), report.text());
        }
    }

    @Test
    void P3_aWebhookPartnerThatChecksNothingIsReported() throws Exception {
        // accepts anything, answers as another recipient, and never answers restrictions
        HttpServer careless = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        careless.createContext("/", exchange -> {
            try (exchange) {
                CloudEvent notice = EventContract.mapper().readValue(exchange.getRequestBody().readAllBytes(), CloudEvent.class);
                String body = notice.type().endsWith(".restriction.v1") ? "" : EventContract.mapper().writeValueAsString(
                        new PartnerReply(notice.data().path("noticeId").asText(), "someone-else", "completed", null, null));
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, bytes.length == 0 ? -1 : bytes.length);
                if (bytes.length > 0) {
                    exchange.getResponseBody().write(bytes);
                }
            }
        });
        careless.start();
        try {
            Report report = new WebhookConformance(URI.create("http://localhost:" + careless.getAddress().getPort() + "/"),
                    secret(), "kit-careless", "conformance-shop", Duration.ofSeconds(10)).run();
            assertFalse(report.passed(), report.text());
            List<String> failed = report.failedChecks();
            for (String check : List.of("rejects-bad-signature", "rejects-stale-timestamp", "reply-recipient",
                    "every-notice-answered", "access-answer-has-data")) {
                assertTrue(failed.contains(check), check + " should fail:\n" + report.text());
            }
        } finally {
            careless.stop(0);
        }
    }
}
