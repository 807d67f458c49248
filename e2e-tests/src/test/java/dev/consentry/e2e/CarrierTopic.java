package dev.consentry.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.consentry.devstack.LocalPlatform;
import dev.consentry.events.EventContract;
import dev.consentry.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What the demo carrier's notice topic holds, read from its start as a new consumer group. */
final class CarrierTopic {

    private CarrierTopic() {
    }

    /**
     * The ids of the erasure notices per subject whose id starts with {@code subjectPrefix}, read until {@code expected}
     * subjects were seen or {@code timeout} passed; each notice is checked against the contract. The relay delivers at
     * least once, so a notice may arrive twice: its id tells.
     */
    static Map<String, Set<String>> erasureNotices(LocalPlatform platform, String subjectPrefix, int expected,
                                                   Duration timeout) {
        Map<String, Set<String>> found = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, "e2e-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.partnerNotices(LocalPlatform.DEMO_RECIPIENT)));
            Instant end = Instant.now().plus(timeout);
            while (found.size() < expected && Instant.now().isBefore(end)) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(250))) {
                    JsonNode event = json(r.value());
                    String subject = event.path("data").path("subjectId").asText();
                    if (subject.startsWith(subjectPrefix) && event.path("type").asText().endsWith(".erasure.v1")) {
                        assertEquals(List.of(), EventContract.violations(event));
                        found.computeIfAbsent(subject, k -> new HashSet<>()).add(event.path("data").path("noticeId").asText());
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
            return EventContract.mapper().getNodeFactory().textNode(String.valueOf(value));
        }
    }
}
