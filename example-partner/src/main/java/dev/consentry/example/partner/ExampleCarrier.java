package dev.consentry.example.partner;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.consentry.events.Channels;
import dev.consentry.events.CloudEvent;
import dev.consentry.events.EventContract;
import dev.consentry.events.EventTypes;
import dev.consentry.events.Topics;
import dev.consentry.events.data.PartnerReply;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * An example partner: a shipping carrier that reads its notices from {@code consentry.partner.<id>.v1}, applies
 * corrections and erasures to its own (in-memory) customer records, answers access tasks with what it holds, stops
 * processing on restriction and withdrawal notices, and acknowledges each notice on its own reply topic
 * {@code consentry.partner.<id>.replies.v1}, with its own source {@code /partners/<id>}, in its own consumer group
 * {@code partner-<id>} (the broker's ACLs allow it nothing else). It shows the protocol from the partner's side in a
 * few dozen lines.
 * <p>
 * Run it on its own against a broker: {@code java -cp ... dev.consentry.example.partner.ExampleCarrier
 * [bootstrapServers] [partnerId]} (defaults: localhost:9092, swift-shipping); the local platform starts one.
 */
public final class ExampleCarrier implements AutoCloseable {

    private final String recipientId;
    private final KafkaConsumer<String, String> consumer;
    private final KafkaProducer<String, String> producer;
    private final CarrierBook book;
    private final Thread worker;
    private volatile boolean running = true;

    public ExampleCarrier(String bootstrapServers, String recipientId) {
        this.recipientId = recipientId;
        this.book = new CarrierBook(recipientId);
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "partner-" + recipientId, // the one group its ACLs allow
                // offsets are committed only after the notices were handled and answered, never in the background
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer());
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
        this.worker = new Thread(this::run, "example-partner-" + recipientId);
    }

    public static void main(String[] args) throws InterruptedException {
        String bootstrap = args.length > 0 ? args[0] : System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092");
        String recipient = args.length > 1 ? args[1] : "swift-shipping";
        ExampleCarrier carrier = new ExampleCarrier(bootstrap, recipient).start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                carrier.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        print("[%s] reading %s, answering on %s, on %s; Ctrl-C stops", recipient, Topics.partnerNotices(recipient),
                Topics.partnerReplies(recipient), bootstrap);
        carrier.worker.join();
    }

    private static void print(String format, Object... args) {
        System.out.printf(format + "%n", args);
        System.out.flush();
    }

    public ExampleCarrier start() {
        worker.start();
        return this;
    }

    /**
     * Polls, handles, answers, then commits. Nothing ends the loop but {@link #close()}: a commit refused because the
     * group rebalanced (the broker stalled, the member was removed) or a broker that does not answer only means the
     * same notices come again, and they are answered again from memory without being applied twice.
     */
    private void run() {
        try {
            consumer.subscribe(List.of(Topics.partnerNotices(recipientId)));
            while (running) {
                try {
                    ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
                    for (ConsumerRecord<String, String> record : records) {
                        handle(record.value());
                    }
                    if (!records.isEmpty()) {
                        consumer.commitSync();
                    }
                } catch (WakeupException stopping) {
                    throw stopping;
                } catch (CommitFailedException | RebalanceInProgressException rebalanced) {
                    print("[%s] the group rebalanced before the commit (%s); those notices will come again",
                            recipientId, rebalanced.getClass().getSimpleName());
                } catch (Exception failed) {
                    // an answer could not be sent (the broker did not answer): read again from the last commit
                    print("[%s] could not answer (%s); reading again from the last commit", recipientId,
                            failed.getClass().getSimpleName());
                    pause();
                    rewind();
                }
            }
        } catch (WakeupException stopping) {
            // close() was called
        } finally {
            consumer.close();
        }
    }

    private void rewind() {
        try {
            Set<TopicPartition> assigned = consumer.assignment();
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(assigned);
            for (TopicPartition partition : assigned) {
                OffsetAndMetadata offset = committed.get(partition);
                if (offset == null) {
                    consumer.seekToBeginning(List.of(partition));
                } else {
                    consumer.seek(partition, offset.offset());
                }
            }
        } catch (WakeupException stopping) {
            throw stopping;
        } catch (KafkaException stillDown) {
            print("[%s] the broker still does not answer (%s)", recipientId, stillDown.getClass().getSimpleName());
        }
    }

    private static void pause() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handle(String value) throws Exception {
        try {
            CloudEvent notice = EventContract.mapper().readValue(value, CloudEvent.class);
            send(notice, book.answer(notice));
        } catch (KafkaException brokerTrouble) {
            throw brokerTrouble;
        } catch (JsonProcessingException | RuntimeException e) {
            print("[%s] skipped a record that is not a notice (%s)", recipientId, e.getClass().getSimpleName());
        }
    }

    private void send(CloudEvent notice, PartnerReply answer) throws Exception {
        CloudEvent reply = new CloudEvent(CloudEvent.SPEC_VERSION, UUID.randomUUID().toString(),
                Channels.partnerSource(recipientId), EventTypes.PARTNER_REPLY, Instant.now(), CloudEvent.JSON,
                notice.tenant(), notice.subjectkey(), EventContract.mapper().valueToTree(answer));
        producer.send(new ProducerRecord<>(Topics.partnerReplies(recipientId), reply.recordKey(),
                EventContract.mapper().writeValueAsString(reply))).get();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        worker.join(5_000);
        producer.close(Duration.ofSeconds(5));
    }
}
