package dev.consentry.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Operations: a consent's path is one trace across processes and Kafka — the storefront's request in consent-service,
 * the outbox relay's publish, and the consumers in audit-service and dsr-service — with no personal data in what the
 * collector receives; audit-service's production log is JSON lines carrying the trace id.
 */
class TracingEndToEndTest {

    private static final int SERVER = 2;
    private static final int PRODUCER = 4;
    private static final int CONSUMER = 5;
    private static Map<String, String> tokens;

    @BeforeAll
    static void startPlatform() throws Exception {
        tokens = SharedPlatform.get().demoTokens();
    }

    @Test
    void ops_aConsentIsOneTraceFromTheRequestThroughKafkaIntoEveryConsumer() {
        String subject = "trace-cust-" + UUID.randomUUID();
        given().auth().oauth2(tokens.get("STOREFRONT_TOKEN")).contentType(ContentType.JSON)
                .body(Map.of("subjectId", subject,
                        "decisions", List.of(Map.of("purposeId", "marketing-email", "decision", "given")),
                        "method", "checkbox", "channel", "web", "collectionPoint", "signup-form",
                        "noticeVersion", "2026-01", "language", "en"))
                .post(SharedPlatform.url("consent-service", "/v1/consents")).then().statusCode(201);
        TraceCollector collector = SharedPlatform.traces();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            TraceCollector.Span request = collector.spans().stream()
                    .filter(s -> s.service().equals("consent-service") && s.kind() == SERVER
                            && "/v1/consents".equals(s.attributes().get("http.route"))
                            && "POST".equals(s.attributes().get("http.request.method")))
                    .reduce((a, b) -> b).orElseThrow(() -> new AssertionError("no request span yet"));
            List<TraceCollector.Span> trace = collector.spans().stream()
                    .filter(s -> s.traceId().equals(request.traceId())).toList();
            TraceCollector.Span publish = trace.stream().filter(s -> s.service().equals("consent-service")
                            && s.kind() == PRODUCER && s.name().equals("consentry.consent.v1 publish"))
                    .findFirst().orElseThrow(() -> new AssertionError("no publish span in the request's trace"));
            for (String consumer : List.of("audit-service", "dsr-service")) {
                assertTrue(trace.stream().anyMatch(s -> s.service().equals(consumer) && s.kind() == CONSUMER
                                && s.name().equals("consentry.consent.v1 process")),
                        consumer + " consumed the event inside the request's trace");
            }
            assertTrue(trace.stream().anyMatch(s -> s.spanId().equals(publish.parentSpanId())),
                    "the publish span descends from the request's own spans (outbox traceparent)");
            assertTrue(trace.stream().anyMatch(s -> s.service().equals("consent-service")
                            && s.name().equals("INSERT outbox_message")),
                    "the request's database work, the outbox row included, is in the trace");
        });

        for (byte[] body : collector.bodies()) {
            assertFalse(new String(body, StandardCharsets.ISO_8859_1).contains(subject),
                    "no exported span names, attributes or events hold the customer's id");
        }
        assertTrue(collector.spans().stream().filter(s -> s.attributes().containsKey("url.path"))
                        .allMatch(s -> "redacted".equals(s.attributes().get("url.path"))),
                "request paths (which hold customers' ids) are not exported");
    }

    @Test
    void ops_productionLogLinesAreJsonWithTheTraceIdOfTheEventTheyAreAbout() throws Exception {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String traceparent = "00-" + traceId + "-00f067aa0ba902b7-01";
        // an event on the consent topic that claims to come from dsr-service: refused, logged and dead-lettered
        String event = """
                {"specversion":"1.0","id":"%s","source":"/consentry/dsr-service","type":"dev.consentry.consent.given.v1",
                 "time":"%s","datacontenttype":"application/json","tenant":"shop-a","data":{},"traceparent":"%s"}"""
                .formatted(UUID.randomUUID(), Instant.now(), traceparent).replace("\n", "");
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedPlatform.get().kafkaBootstrap());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("consentry.consent.v1", "shop-a", event)).get();
        }

        ObjectMapper json = new ObjectMapper();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            List<String> lines = Files.readAllLines(SharedPlatform.logs().resolve("audit-service.log")).stream()
                    .filter(l -> l.startsWith("{")).toList();
            JsonNode refused = null;
            for (String line : lines) {
                JsonNode entry = json.readTree(line);
                assertTrue(entry.hasNonNull("timestamp") && entry.hasNonNull("level") && entry.hasNonNull("message"), line);
                if (entry.path("message").asText().startsWith("Record refused")
                        && traceId.equals(entry.path("mdc").path("traceId").asText())) {
                    refused = entry;
                }
            }
            assertTrue(refused != null, "the refusal is logged as JSON with the event's trace id");
            assertEquals("WARN", refused.path("level").asText());
        });
    }

}
