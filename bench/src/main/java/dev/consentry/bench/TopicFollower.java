package dev.consentry.bench;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Follows topics from their end on a thread of its own (a fresh consumer group) and hands every record to
 * {@code onRecord}, until closed. Workloads wait for {@link #awaitAssignment} before they start producing.
 */
final class TopicFollower implements AutoCloseable {

    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;
    private volatile boolean assigned;

    /**
     * @param subscribe     subscribes the consumer (a topic list or a pattern)
     * @param minPartitions partitions the consumer must hold before it counts as assigned
     */
    TopicFollower(String name, String bootstrap, Consumer<KafkaConsumer<String, String>> subscribe, int minPartitions,
                  Consumer<ConsumerRecord<String, String>> onRecord) {
        thread = new Thread(() -> {
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ConsumerConfig.GROUP_ID_CONFIG, name + "-" + UUID.randomUUID(),
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest"),
                    new StringDeserializer(), new StringDeserializer())) {
                subscribe.accept(consumer);
                while (running.get()) {
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(100))) {
                        onRecord.accept(r);
                    }
                    assigned = assigned || consumer.assignment().size() >= minPartitions;
                }
            }
        }, name);
        thread.start();
    }

    /** Waits (at most 20 s) until the consumer holds its partitions. */
    void awaitAssignment() throws InterruptedException {
        for (int i = 0; i < 200 && !assigned; i++) {
            Thread.sleep(100);
        }
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        thread.join(5_000);
    }
}
