package dev.consentry.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.consentry.events.CloudEvent;
import dev.consentry.events.EventContract;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/** Reads and writes the real test broker the way a partner or another service would. */
public final class KafkaTopics {

    private KafkaTopics() {
    }

    private static String bootstrap() {
        try {
            return TestInfrastructure.kafka().bootstrapServers();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends one record without headers and waits for the broker's acknowledgement. */
    public static void send(String topic, String key, String value) {
        send(new ProducerRecord<>(topic, key, value));
    }

    /** Sends a structured-mode CloudEvent with its content-type header, as Consentry's outbox relay does. */
    public static void sendEvent(String topic, String key, String cloudEventJson) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, cloudEventJson);
        record.headers().add("content-type", CloudEvent.STRUCTURED_CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        send(record);
    }

    private static void send(ProducerRecord<String, String> record) {
        String topic = record.topic();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not send to " + topic, e);
        }
    }

    /**
     * Reads {@code topic} from the beginning until {@code count} records match {@code filter} or {@code timeout}
     * passes; returns the matching records (fewer than {@code count} on timeout).
     */
    public static List<ConsumerRecord<String, String>> await(String topic, Predicate<ConsumerRecord<String, String>> filter,
                                                            int count, Duration timeout) {
        List<ConsumerRecord<String, String>> matches = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.METADATA_MAX_AGE_CONFIG, "500"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            Instant end = Instant.now().plus(timeout);
            while (matches.size() < count && Instant.now().isBefore(end)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (filter.test(record)) {
                        matches.add(record);
                    }
                }
            }
        }
        return matches;
    }

    /** Waits for {@code count} CloudEvents on {@code topic} whose JSON satisfies {@code filter}. */
    public static List<JsonNode> awaitEvents(String topic, Predicate<JsonNode> filter, int count) {
        return awaitEvents(topic, filter, count, Duration.ofSeconds(20));
    }

    /** As above with a chosen timeout; use a short one when checking that no further event arrives. */
    public static List<JsonNode> awaitEvents(String topic, Predicate<JsonNode> filter, int count, Duration timeout) {
        return await(topic, r -> filter.test(json(r.value())), count, timeout).stream()
                .map(r -> json(r.value())).toList();
    }

    /**
     * The {@code dead-letter-reason} of the record on {@code deadLetterTopic} whose value contains {@code marker}
     * (e.g. the refused event's id); {@code null} if none arrives within {@code timeout}.
     */
    public static String deadLetterReason(String deadLetterTopic, String marker, Duration timeout) {
        List<ConsumerRecord<String, String>> dead = await(deadLetterTopic,
                r -> r.value() != null && r.value().contains(marker), 1, timeout);
        if (dead.isEmpty()) {
            return null;
        }
        var header = dead.get(0).headers().lastHeader("dead-letter-reason");
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }

    public static JsonNode json(String value) {
        try {
            return EventContract.mapper().readTree(value);
        } catch (Exception e) {
            return EventContract.mapper().createObjectNode();
        }
    }
}
