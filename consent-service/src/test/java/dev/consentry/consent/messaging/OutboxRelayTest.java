package dev.consentry.consent.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import dev.consentry.consent.Fixtures;
import dev.consentry.events.Topics;
import dev.consentry.platform.outbox.OutboxProducer;
import dev.consentry.platform.outbox.OutboxRelay;
import dev.consentry.testkit.KafkaTopics;
import dev.consentry.testkit.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.smallrye.common.annotation.Identifier;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The outbox keeps events while the broker cannot be reached and delivers them, in order, once it can. The scheduled
 * relay is off in this profile so the test drives each relay round itself.
 */
@QuarkusTest
@TestProfile(OutboxRelayTest.ManualRelay.class)
class OutboxRelayTest {

    public static class ManualRelay implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("consentry.outbox.relay-enabled", "false");
        }
    }

    @Inject
    OutboxRelay relay;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    @Test
    void eventRecordedWhileTheBrokerIsDownIsDeliveredInOrderOnceItIsBack() throws Exception {
        Fixtures.purpose("shop-a", "marketing-email", "consent");
        String subject = "cust-" + UUID.randomUUID();
        String given = recordDecision(subject, "given");
        String withdrawn = recordDecision(subject, "withdrawn");

        try (KafkaProducer<String, String> down = producer(unreachableBroker())) {
            relay.relayOnce(down);
        }
        assertEquals(2, pendingRows(given, withdrawn), "nothing is lost or marked sent while the broker is unreachable");
        assertTrue(lastError().length() > 0, "the failed attempt is recorded on the row");

        try (KafkaProducer<String, String> up = producer(kafkaConfig)) {
            while (relay.relayOnce(up) > 0) {
                // drain everything pending, including rows of other tests in this JVM
            }
        }
        assertEquals(0, pendingRows(given, withdrawn));
        assertEquals(0, rows(given, withdrawn), "delivered rows leave the outbox");
        List<JsonNode> events = KafkaTopics.awaitEvents(Topics.CONSENT,
                e -> List.of(given, withdrawn).contains(e.path("data").path("recordId").asText()), 2);
        assertEquals(List.of(given, withdrawn),
                events.stream().map(e -> e.path("data").path("recordId").asText()).toList(),
                "delivered once, in the order they were recorded");
    }

    /** Replicas: while another connection holds the relay's lock, a relay takes nothing; when it lets go, it does. */
    @Test
    void oneRelayAtATimeAndAnotherTakesOverWhenItLetsGo() throws Exception {
        Fixtures.purpose("shop-a", "marketing-email", "consent");
        String recorded = recordDecision("cust-" + UUID.randomUUID(), "given");
        try (Connection otherReplica = dataSource.getConnection(); KafkaProducer<String, String> up = producer(kafkaConfig)) {
            otherReplica.setAutoCommit(true);
            try (Statement lock = otherReplica.createStatement()) {
                lock.execute("SELECT pg_advisory_lock(" + 0x6f7574626f78L + ")");
            }
            assertEquals(0, relay.relayOnce(up), "another replica's relay is at work");
            assertEquals(1, pendingRows(recorded));
            try (Statement unlock = otherReplica.createStatement()) {
                unlock.execute("SELECT pg_advisory_unlock(" + 0x6f7574626f78L + ")");
            }
            while (relay.relayOnce(up) > 0) {
                // drain
            }
        }
        assertEquals(0, rows(recorded));
        KafkaTopics.awaitEvents(Topics.CONSENT, e -> recorded.equals(e.path("data").path("recordId").asText()), 1);
    }

    /** Upgrade: rows a relay of the previous version marked sent (and kept) are deleted when this relay takes over. */
    @Test
    void rowsAnEarlierRelayMarkedSentAreDeletedWhenThisOneTakesOver() throws Exception {
        Fixtures.purpose("shop-a", "marketing-email", "consent");
        String recorded = recordDecision("cust-" + UUID.randomUUID(), "given");
        try (Connection c = dataSource.getConnection(); java.sql.PreparedStatement markSent = c.prepareStatement(
                "UPDATE outbox_message SET sent_at = now() WHERE payload LIKE ?")) {
            markSent.setString(1, "%" + recorded + "%");
            assertEquals(1, markSent.executeUpdate());
        }
        try (KafkaProducer<String, String> up = producer(kafkaConfig)) {
            relay.relayOnce(up);
        }
        assertEquals(0, rows(recorded), "the earlier version's sent row is gone, not sent again");
    }

    private static String recordDecision(String subject, String decision) {
        return given().auth().oauth2(Tokens.storefront("shop-a")).contentType(ContentType.JSON)
                .body(Fixtures.form(subject, "marketing-email", decision))
                .post("/v1/consents").then().statusCode(201).extract().path("records[0].recordId");
    }

    private static Map<String, Object> unreachableBroker() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + closedPort);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 1_000);
        return config;
    }

    private static KafkaProducer<String, String> producer(Map<String, Object> kafka) {
        return new KafkaProducer<>(OutboxProducer.producerConfig(kafka), new StringSerializer(), new StringSerializer());
    }

    private long pendingRows(String... recordIds) throws Exception {
        return count("sent_at IS NULL AND ", recordIds);
    }

    private long rows(String... recordIds) throws Exception {
        return count("", recordIds);
    }

    private long count(String condition, String... recordIds) throws Exception {
        try (Connection c = dataSource.getConnection(); java.sql.PreparedStatement st = c.prepareStatement(
                "SELECT count(*) FROM outbox_message WHERE " + condition + "payload LIKE ANY (?)")) {
            st.setArray(1, c.createArrayOf("text",
                    java.util.Arrays.stream(recordIds).map(id -> "%" + id + "%").toArray()));
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private String lastError() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT coalesce(max(last_error), '') FROM outbox_message WHERE sent_at IS NULL")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
