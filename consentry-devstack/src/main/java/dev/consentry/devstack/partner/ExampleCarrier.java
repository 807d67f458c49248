package dev.consentry.devstack.partner;

import com.fasterxml.jackson.databind.JsonNode;
import dev.consentry.devstack.Console;
import dev.consentry.events.CloudEvent;
import dev.consentry.events.EventContract;
import dev.consentry.events.EventTypes;
import dev.consentry.events.Topics;
import dev.consentry.events.data.PartnerReply;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An example partner: a shipping carrier that reads its notices from {@code consentry.partner.<id>.v1}, applies
 * corrections and erasures to its own (in-memory) customer records, and acknowledges each notice on
 * {@code consentry.partner-replies.v1}. It shows the protocol from the partner's side in a few dozen lines.
 */
public final class ExampleCarrier implements AutoCloseable {

    private final String recipientId;
    private final KafkaConsumer<String, String> consumer;
    private final KafkaProducer<String, String> producer;
    private final Map<String, Map<String, JsonNode>> customers = new ConcurrentHashMap<>();
    private final Thread worker;
    private volatile boolean running = true;

    public ExampleCarrier(String bootstrapServers, String recipientId) {
        this.recipientId = recipientId;
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "example-partner-" + recipientId,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer());
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
        this.worker = new Thread(this::run, "example-partner-" + recipientId);
    }

    public ExampleCarrier start() {
        worker.start();
        return this;
    }

    private void run() {
        try {
            consumer.subscribe(List.of(Topics.partner(recipientId)));
            while (running) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    handle(record.value());
                }
                consumer.commitSync();
            }
        } catch (WakeupException stopping) {
            // close() was called
        } finally {
            consumer.close();
        }
    }

    private void handle(String value) {
        try {
            CloudEvent notice = EventContract.mapper().readValue(value, CloudEvent.class);
            if (EventTypes.PARTNER_ERASURE.equals(notice.type())) {
                JsonNode data = notice.data();
                customers.remove(notice.tenant() + "/" + data.path("subjectId").asText());
                Console.say("[%s] erased the customer of notice %s (%d category(ies) kept restricted); acknowledging",
                        recipientId, data.path("noticeId").asText(), data.path("restrict").size());
                reply(notice, data.path("noticeId").asText(), "completed", "customer record erased");
                return;
            }
            if (!EventTypes.PARTNER_CORRECTION.equals(notice.type())) {
                reply(notice, notice.data().path("noticeId").asText(), "denied", "notice type not handled by this example");
                return;
            }
            JsonNode data = notice.data();
            Map<String, JsonNode> customer = customers.computeIfAbsent(
                    notice.tenant() + "/" + data.path("subjectId").asText(), k -> new HashMap<>());
            for (JsonNode change : data.path("changes")) {
                customer.put(change.path("path").asText(), change.path("newValue"));
            }
            Console.say("[%s] applied correction notice %s (%d field(s)); acknowledging",
                    recipientId, data.path("noticeId").asText(), data.path("changes").size());
            reply(notice, data.path("noticeId").asText(), "completed", "record updated");
        } catch (Exception e) {
            Console.say("[%s] skipped a record that is not a notice (%s)", recipientId, e.getClass().getSimpleName());
        }
    }

    private void reply(CloudEvent notice, String noticeId, String outcome, String reason) throws Exception {
        CloudEvent reply = new CloudEvent(CloudEvent.SPEC_VERSION, UUID.randomUUID().toString(),
                "/partners/" + recipientId, EventTypes.PARTNER_REPLY, Instant.now(), CloudEvent.JSON,
                notice.tenant(), notice.subjectkey(),
                EventContract.mapper().valueToTree(new PartnerReply(noticeId, recipientId, outcome, reason, null)));
        producer.send(new ProducerRecord<>(Topics.PARTNER_REPLIES, reply.recordKey(),
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
