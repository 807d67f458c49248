package dev.consentry.platform.deadletter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.consentry.events.EventContract;
import dev.consentry.platform.messaging.DeadLetters;
import dev.consentry.platform.problem.ProblemException;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the service's dead-letter topic from its start, without a consumer group (nothing is committed, so reading
 * changes nothing). Dead-letter topics stay small — a record lands there only when a consumer refused it — and the
 * listing reads at most {@link #LIMIT} of the newest.
 */
@ApplicationScoped
public class DeadLetterTopic {

    static final int LIMIT = 10_000;
    private static final Duration READ_FOR_AT_MOST = Duration.ofSeconds(15);

    private final Map<String, Object> kafkaConfig;
    private final String topic;

    public DeadLetterTopic(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
                           @ConfigProperty(name = "mp.messaging.outgoing.dead-letters.topic") String topic) {
        this.kafkaConfig = kafkaConfig;
        this.topic = topic;
    }

    /** One record of the dead-letter topic: where it sits, when it came, why, and its envelope (see DeadLetters). */
    public record Entry(int partition, long offset, Instant deadLetteredAt, String reason, String originalTopic,
                        JsonNode envelope) {

        public String id() {
            return partition + "-" + offset;
        }
    }

    public String topic() {
        return topic;
    }

    /** Every dead letter, oldest first (blocking: call it off the event loop); 503 when the broker does not answer. */
    public List<Entry> readAll() {
        try {
            return read();
        } catch (KafkaException e) {
            throw ProblemException.unavailable("broker-unavailable",
                    "The dead-letter topic cannot be read now (" + e.getClass().getSimpleName() + "); try again later.");
        }
    }

    private List<Entry> read() {
        Map<String, Object> config = new HashMap<>();
        kafkaConfig.forEach((k, v) -> {
            if (ConsumerConfig.configNames().contains(k)) {
                config.put(k, v);
            }
        });
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "consentry-dead-letter-reader");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<Entry> entries = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(5)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            if (partitions.isEmpty()) {
                return entries;
            }
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(5));
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, Duration.ofSeconds(5));
            for (TopicPartition p : partitions) {
                consumer.seek(p, Math.max(begin.get(p), end.get(p) - LIMIT));
            }
            long deadline = System.nanoTime() + READ_FOR_AT_MOST.toNanos(); // a bound on I/O, not a business time
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    entries.add(new Entry(r.partition(), r.offset(), Instant.ofEpochMilli(r.timestamp()),
                            header(r, DeadLetters.REASON_HEADER), header(r, "dead-letter-topic"), envelope(r.value())));
                }
            }
        }
        entries.sort(Comparator.comparing(Entry::deadLetteredAt).thenComparing(Entry::partition)
                .thenComparingLong(Entry::offset));
        return entries.size() > LIMIT ? entries.subList(entries.size() - LIMIT, entries.size()) : entries;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static JsonNode envelope(String value) {
        try {
            return value == null ? EventContract.mapper().createObjectNode() : EventContract.mapper().readTree(value);
        } catch (JsonProcessingException e) {
            return EventContract.mapper().createObjectNode();
        }
    }
}
