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
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
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
        send(structured(topic, key, cloudEventJson));
    }

    private static ProducerRecord<String, String> structured(String topic, String key, String cloudEventJson) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, cloudEventJson);
        record.headers().add("content-type", CloudEvent.STRUCTURED_CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        return record;
    }

    /**
     * Sends structured-mode CloudEvents under one key in a single produce request (one record batch of one
     * partition), so that a consumer's poll returns them together: how a busy topic delivers them.
     */
    public static void sendEventsTogether(String topic, String key, List<String> cloudEventJsons) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 60_000), new StringSerializer(), new StringSerializer())) {
            List<Future<?>> sent = new ArrayList<>();
            for (String json : cloudEventJsons) {
                sent.add(producer.send(structured(topic, key, json)));
            }
            producer.flush();
            for (Future<?> each : sent) {
                each.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not send to " + topic, e);
        }
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
     * passes; returns the matching records read (fewer than {@code count} on timeout, possibly more when more were
     * already read). What was read once is kept, so a later call only reads what was written since; no consumer group
     * is joined.
     */
    public static List<ConsumerRecord<String, String>> await(String topic, Predicate<ConsumerRecord<String, String>> filter,
                                                            int count, Duration timeout) {
        return topics.await(bootstrap(), topic, filter, count, timeout);
    }

    /**
     * Every record of {@code topic} that matches {@code filter}, read up to the end of each partition as it is now: for
     * checking that something was not published, once the publisher is known to be done (e.g. {@link OutboxProbe}).
     */
    public static List<ConsumerRecord<String, String>> readToEnd(String topic, Predicate<ConsumerRecord<String, String>> filter) {
        return topics.readToEnd(bootstrap(), topic, filter);
    }

    /** As above, for CloudEvents whose JSON satisfies {@code filter}. */
    public static List<JsonNode> eventsToEnd(String topic, Predicate<JsonNode> filter) {
        return readToEnd(topic, r -> filter.test(json(r.value()))).stream().map(r -> json(r.value())).toList();
    }

    private static final TopicRecords topics = new TopicRecords();

    /** Every record read so far per topic of one broker, and where reading stopped in each partition. */
    private static final class TopicRecords {
        private String broker;
        private final Map<String, List<ConsumerRecord<String, String>>> read = new HashMap<>();
        private final Map<TopicPartition, Long> positions = new HashMap<>();

        synchronized List<ConsumerRecord<String, String>> await(String bootstrap, String topic,
                                                                Predicate<ConsumerRecord<String, String>> filter,
                                                                int count, Duration timeout) {
            List<ConsumerRecord<String, String>> records = readFrom(bootstrap, topic);
            List<ConsumerRecord<String, String>> matches = new ArrayList<>(records.stream().filter(filter).toList());
            if (matches.size() >= count) {
                return matches;
            }
            long end = System.nanoTime() + timeout.toNanos(); // an I/O wait: the monotonic clock
            try (KafkaConsumer<String, String> consumer = consumer(bootstrap)) {
                boolean assigned = false;
                while (matches.size() < count && System.nanoTime() - end < 0) {
                    if (!assigned) { // the topic may not exist yet: its first record creates it
                        assigned = resume(consumer, topic) != null;
                        if (!assigned) {
                            sleep(100);
                            continue;
                        }
                    }
                    poll(consumer, records).stream().filter(filter).forEach(matches::add);
                }
            }
            return matches;
        }

        synchronized List<ConsumerRecord<String, String>> readToEnd(String bootstrap, String topic,
                                                                    Predicate<ConsumerRecord<String, String>> filter) {
            List<ConsumerRecord<String, String>> records = readFrom(bootstrap, topic);
            try (KafkaConsumer<String, String> consumer = consumer(bootstrap)) {
                List<TopicPartition> partitions = resume(consumer, topic);
                if (partitions != null) {
                    Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(10));
                    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                    while (ends.entrySet().stream().anyMatch(e -> positions.getOrDefault(e.getKey(), 0L) < e.getValue())) {
                        if (System.nanoTime() - deadline > 0) {
                            throw new IllegalStateException("could not read " + topic + " to its end");
                        }
                        poll(consumer, records);
                    }
                }
            }
            return records.stream().filter(filter).toList();
        }

        /** What was read of {@code topic} so far; everything is forgotten when the broker is a new one. */
        private List<ConsumerRecord<String, String>> readFrom(String bootstrap, String topic) {
            if (!bootstrap.equals(broker)) {
                broker = bootstrap;
                read.clear();
                positions.clear();
            }
            return read.computeIfAbsent(topic, t -> new ArrayList<>());
        }

        /** Assigns every partition of {@code topic} where reading stopped; null while the topic does not exist. */
        private List<TopicPartition> resume(KafkaConsumer<String, String> consumer, String topic) {
            List<TopicPartition> partitions = partitions(consumer, topic);
            if (partitions.isEmpty()) {
                return null;
            }
            consumer.assign(partitions);
            for (TopicPartition p : partitions) {
                consumer.seek(p, positions.getOrDefault(p, 0L));
            }
            return partitions;
        }

        /** One poll: its records are kept with the topic's and returned. */
        private List<ConsumerRecord<String, String>> poll(KafkaConsumer<String, String> consumer,
                                                          List<ConsumerRecord<String, String>> records) {
            List<ConsumerRecord<String, String>> polled = new ArrayList<>();
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                polled.add(record);
                positions.put(new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
            }
            records.addAll(polled);
            return polled;
        }

        /** A consumer in no group: it reads what it is assigned, from where it is told. */
        private static KafkaConsumer<String, String> consumer(String bootstrap) {
            return new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                    ConsumerConfig.METADATA_MAX_AGE_CONFIG, "500"), new StringDeserializer(), new StringDeserializer());
        }

        private static List<TopicPartition> partitions(KafkaConsumer<String, String> consumer, String topic) {
            try {
                List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(2));
                return infos == null ? List.of()
                        : infos.stream().map(i -> new TopicPartition(topic, i.partition())).toList();
            } catch (org.apache.kafka.common.errors.TimeoutException e) {
                return List.of();
            }
        }

        private static void sleep(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
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
