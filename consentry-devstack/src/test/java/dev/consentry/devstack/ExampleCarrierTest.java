package dev.consentry.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.consentry.events.CloudEvent;
import dev.consentry.events.EventContract;
import dev.consentry.events.EventTypes;
import dev.consentry.events.Topics;
import dev.consentry.events.data.CorrectionNotice;
import dev.consentry.events.data.FieldChange;
import dev.consentry.example.partner.ExampleCarrier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.RemoveMembersFromConsumerGroupOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The example partner on a real broker keeps answering when its consumer group is torn apart under it — what a stalled
 * broker does (the member is dropped, the next commit is refused) — and a redelivered notice is answered the same way
 * without being applied twice.
 */
class ExampleCarrierTest {

    private static final String PARTNER = "sturdy-carrier";

    @Test
    void P1_theExamplePartnerSurvivesRebalancesAndAnswersEveryNoticeOnce() throws Exception {
        try (KafkaServer kafka = KafkaServer.start();
             ExampleCarrier carrier = new ExampleCarrier(kafka.bootstrapServers(), PARTNER).start();
             KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
                     new StringSerializer(), new StringSerializer());
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            kafka.createTopic(Topics.partnerNotices(PARTNER));
            kafka.createTopic(Topics.partnerReplies(PARTNER));
            List<String> sent = new ArrayList<>();
            for (int round = 0; round < 5; round++) {
                String noticeId = notice(producer);
                sent.add(noticeId);
                Thread.sleep(300);
                // the group is emptied under the carrier, as a broker stall does: its next commit is refused
                try {
                    admin.removeMembersFromConsumerGroup("partner-" + PARTNER, new RemoveMembersFromConsumerGroupOptions())
                            .all().get();
                } catch (Exception noMemberRightNow) {
                    // the carrier was between two generations: the next round tries again
                }
            }
            String last = notice(producer);
            sent.add(last);
            // the same notice again, as the relay may send it twice after a crash
            List<String> redelivered = List.of(sent.get(0));
            producer.send(new ProducerRecord<>(Topics.partnerNotices(PARTNER), "shop-x", record(sent.get(0)))).get();

            Map<String, List<JsonNode>> replies = replies(kafka.bootstrapServers(), sent, Duration.ofSeconds(60));
            for (String noticeId : sent) {
                assertTrue(replies.containsKey(noticeId), "notice " + noticeId + " answered");
                replies.get(noticeId).forEach(r -> assertEquals("completed", r.path("data").path("outcome").asText()));
            }
            assertTrue(replies.get(redelivered.get(0)).size() >= 2, "the redelivered notice is answered again");
        }
    }

    private static final Map<String, String> RECORDS = new java.util.concurrent.ConcurrentHashMap<>();

    private static String notice(KafkaProducer<String, String> producer) throws Exception {
        String noticeId = UUID.randomUUID().toString();
        CloudEvent event = new CloudEvent(CloudEvent.SPEC_VERSION, UUID.randomUUID().toString(), "/consentry/dsr-service",
                EventTypes.PARTNER_CORRECTION, Instant.now(), CloudEvent.JSON, "shop-x", "key-" + noticeId,
                EventContract.mapper().valueToTree(new CorrectionNotice(noticeId, UUID.randomUUID().toString(), PARTNER,
                        "cust-" + noticeId, List.of(new FieldChange("/shippingAddress", TextNode.valueOf("old"), TextNode.valueOf("new"))),
                        Instant.now().plus(Duration.ofDays(5)))));
        String json = EventContract.mapper().writeValueAsString(event);
        RECORDS.put(noticeId, json);
        producer.send(new ProducerRecord<>(Topics.partnerNotices(PARTNER), event.recordKey(), json)).get();
        return noticeId;
    }

    private static String record(String noticeId) {
        return RECORDS.get(noticeId);
    }

    private static Map<String, List<JsonNode>> replies(String bootstrap, List<String> expected, Duration timeout) throws Exception {
        Map<String, List<JsonNode>> found = new java.util.HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.partnerReplies(PARTNER)));
            Instant end = Instant.now().plus(timeout);
            while (Instant.now().isBefore(end) && !(found.keySet().containsAll(expected)
                    && found.getOrDefault(expected.get(0), List.of()).size() >= 2)) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(250))) {
                    JsonNode reply = EventContract.mapper().readTree(r.value());
                    found.computeIfAbsent(reply.path("data").path("noticeId").asText(), k -> new ArrayList<>()).add(reply);
                }
            }
        }
        return found;
    }
}
