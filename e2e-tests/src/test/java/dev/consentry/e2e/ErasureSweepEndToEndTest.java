package dev.consentry.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.consentry.devstack.Database;
import dev.consentry.devstack.LocalPlatform;
import dev.consentry.events.Channels;
import dev.consentry.events.CloudEvent;
import dev.consentry.events.EventContract;
import dev.consentry.events.EventTypes;
import dev.consentry.events.Topics;
import dev.consentry.events.data.PartnerReply;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 13's erasure sweep (S5), across the three services as separate processes with the example carrier answering:
 * a customer with consents, a disclosure, a correction, an access request and a dead-lettered event of theirs is
 * erased; then no table of any service's database, no dead-letter topic and no service log holds their id or their
 * corrected value in readable form, and a late event about them creates no new key.
 */
class ErasureSweepEndToEndTest {

    private static final List<String> DEAD_LETTER_TOPICS = List.of("consentry.consent-service.dlq.v1",
            "consentry.dsr-service.dlq.v1", "consentry.audit-service.dlq.v1");
    private static LocalPlatform platform;
    private static Map<String, String> tokens;

    @BeforeAll
    static void startPlatform() throws Exception {
        platform = SharedPlatform.get();
        tokens = platform.demoTokens();
    }

    @Test
    void S5_afterAnErasureNothingReadableOfTheSubjectRemainsAndALateEventMakesNoNewKey() throws Exception {
        String subject = "erase-me-" + UUID.randomUUID();
        String newAddress = "12 Nguyen Hue " + UUID.randomUUID().toString().substring(0, 8);
        String storefront = tokens.get("STOREFRONT_TOKEN");

        // consents, one with an Idempotency-Key and a raw signal that names the customer
        String recordId = given().auth().oauth2(storefront).contentType(ContentType.JSON)
                .header("Idempotency-Key", "signup-" + subject)
                .body(Map.of("subjectId", subject, "decisions", List.of(Map.of("purposeId", "marketing-email", "decision", "given")),
                        "method", "checkbox", "channel", "web", "collectionPoint", "signup-form",
                        "rawSignal", "newsletter box ticked by " + subject))
                .post(url("consent-service", "/v1/consents")).then().statusCode(201).extract().path("records[0].recordId");
        String subjectKey = read(Topics.CONSENT, r -> r.value().contains(recordId), 1).get(0).path("subjectkey").asText();

        // a disclosure, a correction and an access request, each answered by the carrier
        given().auth().oauth2(storefront).contentType(ContentType.JSON)
                .body(Map.of("subjectId", subject, "recipientId", "swift-shipping", "categories", List.of("name", "shippingAddress"),
                        "basis", "contract", "disclosedAt", Instant.now().minusSeconds(60).toString()))
                .post(url("dsr-service", "/v1/disclosures")).then().statusCode(201);
        completed(file(Map.of("type", "correction", "subjectId", subject, "jurisdiction", "VN",
                "corrections", List.of(Map.of("field", "shippingAddress", "oldValue", "99 Le Loi", "newValue", newAddress)))));
        String access = completed(file(Map.of("type", "access", "subjectId", subject, "jurisdiction", "VN")));
        given().auth().oauth2(storefront).get(url("dsr-service", "/v1/requests/" + access + "/package")).then()
                .statusCode(200).body("systems[0].data.shippingAddress", equalTo(newAddress));

        // an event of theirs that dsr-service cannot take (a reply to a notice never sent): dead-lettered, sealed
        String deadId = reply(subjectKey, "customer " + subject + " moved to " + newAddress);
        JsonNode dead = read("consentry.dsr-service.dlq.v1", r -> r.value().contains(deadId), 1).get(0);
        assertTrue(dead.hasNonNull("sealed"), "the dead letter is kept sealed under the subject's key: " + dead);

        // the erasure, carried out by the carrier, destroys the subject's key in every service
        completed(file(Map.of("type", "erasure", "subjectId", subject, "jurisdiction", "VN")));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertEquals(0, keysOf("consentry_dsr", subjectKey));
            assertEquals(0, keysOf("consentry_audit", subjectKey));
            assertEquals(0, keysOf("consentry_consent", subjectKey));
        });

        for (String db : List.of("consentry_consent", "consentry_dsr", "consentry_audit")) {
            String everything = everyRow(db);
            assertFalse(everything.contains(subject), "subject id readable in " + db);
            assertFalse(everything.contains(newAddress), "corrected value readable in " + db);
        }
        for (String topic : DEAD_LETTER_TOPICS) {
            for (JsonNode letter : read(topic, r -> true, Integer.MAX_VALUE, Duration.ofSeconds(3))) {
                assertFalse(letter.toString().contains(subject) || letter.toString().contains(newAddress),
                        "readable in " + topic);
            }
        }
        try (Stream<Path> logs = Files.list(SharedPlatform.logs())) {
            for (Path log : logs.toList()) {
                String text = Files.readString(log);
                assertFalse(text.contains(subject) || text.contains(newAddress), "personal value in " + log.getFileName());
            }
        }

        // a late event about the erased subject: logged without its values, dead-lettered without them, no new key
        String lateId = reply(subjectKey, "late word about " + subject);
        JsonNode late = read("consentry.dsr-service.dlq.v1", r -> r.value().contains(lateId), 1).get(0);
        assertEquals(true, late.path("personalValuesDropped").asBoolean(), late.toString());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(tokens.get("AUDITOR_TOKEN")).queryParam("size", 200)
                        .get(url("audit-service", "/v1/audit/subjects/" + subject + "/entries"))
                        .then().statusCode(200).body("entries.eventId", hasItem(lateId)));
        for (String db : List.of("consentry_consent", "consentry_dsr", "consentry_audit")) {
            assertEquals(0, keysOf(db, subjectKey), "no new key in " + db);
            assertFalse(everyRow(db).contains(subject), "late value readable in " + db);
        }
    }

    private static String url(String service, String path) {
        return SharedPlatform.url(service, path);
    }

    private static String file(Map<String, Object> form) {
        return given().auth().oauth2(tokens.get("STOREFRONT_TOKEN")).contentType(ContentType.JSON).body(form)
                .post(url("dsr-service", "/v1/requests")).then().statusCode(201).extract().path("id");
    }

    private static String completed(String requestId) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().auth().oauth2(tokens.get("STOREFRONT_TOKEN")).get(url("dsr-service", "/v1/requests/" + requestId))
                        .then().statusCode(200).body("status", equalTo("completed")));
        return requestId;
    }

    /** A reply as the carrier would write it (its own topic and source) to a notice nobody sent. */
    private static String reply(String subjectKey, String reason) throws Exception {
        CloudEvent event = new CloudEvent(CloudEvent.SPEC_VERSION, UUID.randomUUID().toString(),
                Channels.partnerSource("swift-shipping"), EventTypes.PARTNER_REPLY, Instant.now(), CloudEvent.JSON,
                "shop-a", subjectKey, EventContract.mapper().valueToTree(
                new PartnerReply(UUID.randomUUID().toString(), "swift-shipping", "completed", reason, null)));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrap(), ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.partnerReplies("swift-shipping"), event.recordKey(),
                    EventContract.mapper().writeValueAsString(event))).get();
        }
        return event.id();
    }

    private static List<JsonNode> read(String topic, Predicate<ConsumerRecord<String, String>> filter, int count) {
        List<JsonNode> found = read(topic, filter, count, Duration.ofSeconds(60));
        assertEquals(count, found.size(), "records on " + topic);
        return found;
    }

    private static List<JsonNode> read(String topic, Predicate<ConsumerRecord<String, String>> filter, int count,
                                       Duration timeout) {
        List<JsonNode> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, "e2e-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            Instant end = Instant.now().plus(timeout);
            while (found.size() < count && Instant.now().isBefore(end)) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(250))) {
                    if (r.value() != null && filter.test(r)) {
                        found.add(json(r.value()));
                    }
                }
            }
        }
        return found;
    }

    private static JsonNode json(String value) {
        try {
            return EventContract.mapper().readTree(value);
        } catch (Exception e) {
            return EventContract.mapper().getNodeFactory().textNode(value);
        }
    }

    private static int keysOf(String database, String subjectKey) throws Exception {
        try (Connection c = connect(database); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM subject_data_key WHERE subject_key = '"
                     + subjectKey.replace("'", "") + "'")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** Every row of every table of the database, as text. */
    private static String everyRow(String database) throws Exception {
        StringBuilder all = new StringBuilder();
        try (Connection c = connect(database); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT table_name FROM information_schema.tables "
                    + "WHERE table_schema = 'public' AND table_type = 'BASE TABLE'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            assertFalse(tables.isEmpty());
            for (String table : tables) {
                try (ResultSet rs = s.executeQuery("SELECT t::text FROM \"" + table + "\" t")) {
                    while (rs.next()) {
                        all.append(table).append(": ").append(rs.getString(1)).append('\n');
                    }
                }
            }
        }
        return all.toString();
    }

    private static Connection connect(String database) throws Exception {
        Database db = platform.database(database);
        return DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
    }
}
