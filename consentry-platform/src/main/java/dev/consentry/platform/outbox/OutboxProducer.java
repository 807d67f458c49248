package dev.consentry.platform.outbox;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.HashMap;
import java.util.Map;

/**
 * The Kafka producer of the outbox relay: idempotent, {@code acks=all}, so retries inside the client neither lose
 * nor reorder records of one partition. Connection settings are the application's {@code kafka.*} configuration
 * (the same ones the messaging channels use).
 */
@ApplicationScoped
public class OutboxProducer {

    private final Map<String, Object> kafkaConfig;
    private Producer<String, String> producer;

    @Inject
    public OutboxProducer(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        this.kafkaConfig = kafkaConfig;
    }

    synchronized Producer<String, String> get() {
        if (producer == null) {
            producer = new KafkaProducer<>(producerConfig(kafkaConfig), new StringSerializer(), new StringSerializer());
        }
        return producer;
    }

    /** Producer settings from the shared {@code kafka.*} configuration; public so tests can build a twin. */
    public static Map<String, Object> producerConfig(Map<String, Object> kafkaConfig) {
        Map<String, Object> config = new HashMap<>();
        kafkaConfig.forEach((k, v) -> {
            if (ProducerConfig.configNames().contains(k)) {
                config.put(k, v);
            }
        });
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "consentry-outbox-relay");
        config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        config.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        config.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 8_000);
        return config;
    }

    synchronized void close() {
        if (producer != null) {
            producer.close(java.time.Duration.ofSeconds(5));
            producer = null;
        }
    }
}
