package dev.consentry.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.consentry.devstack.KafkaServer;
import dev.consentry.events.Channels;
import dev.consentry.events.CloudEvent;
import dev.consentry.events.EventContract;
import dev.consentry.events.EventTypes;
import dev.consentry.events.Topics;
import dev.consentry.events.data.PartnerReply;
import dev.consentry.example.partner.ExampleCarrier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** P3: the kit passes the example partner and names the faults of a partner that gets the protocol wrong. */
class ConformanceKitTest {

    private static KafkaServer kafka;

    @BeforeAll
    static void broker() throws Exception {
        kafka = KafkaServer.start();
    }

    @AfterAll
    static void stop() throws Exception {
        kafka.close();
    }

    private static Properties client() {
        Properties p = new Properties();
        p.put("bootstrap.servers", kafka.bootstrapServers());
        return p;
    }

    @Test
    void P3_theExamplePartnerConforms() throws Exception {
        kafka.createTopic(Topics.partnerNotices("kit-carrier"));
        kafka.createTopic(Topics.partnerReplies("kit-carrier"));
        try (ExampleCarrier carrier = new ExampleCarrier(kafka.bootstrapServers(), "kit-carrier").start()) {
            Report report = new KafkaConformance("kit-carrier", "conformance-shop", Duration.ofSeconds(30), client()).run();
            assertTrue(report.passed(), report.text());
            assertTrue(report.text().contains("PASS redelivery-consistent"), report.text());
        }
    }

    @Test
    void P3_aFaultyPartnersReportNamesItsFaults() throws Exception {
        kafka.createTopic(Topics.partnerNotices("kit-faulty"));
        kafka.createTopic(Topics.partnerReplies("kit-faulty"));
        try (FaultyPartner faulty = new FaultyPartner("kit-faulty")) {
            faulty.start();
            Report report = new KafkaConformance("kit-faulty", "conformance-shop", Duration.ofSeconds(15), client()).run();
            assertTrue(!report.passed(), report.text());
            List<String> failed = report.failedChecks();
            assertTrue(failed.contains("reply-source"), report.text());
            assertTrue(failed.contains("every-notice-answered"), report.text());
            assertTrue(failed.contains("reply-recipient"), report.text());
            assertTrue(failed.contains("redelivery-consistent"), report.text());
            assertTrue(failed.contains("access-answer-has-data"), report.text());
            assertEquals(1, report.text().lines().filter(l -> l.startsWith("FAIL every-notice-answered")).count(),
                    "only the restriction notice went unanswered:\n" + report.text());
        }
    }

    /**
     * A partner that gets the protocol wrong in five ways: it never answers restrictions, names the wrong recipient for
     * withdrawals, answers a repeated correction differently, completes access tasks without data, and writes its
     * erasure answers as another partner.
     */
    private static final class FaultyPartner implements AutoCloseable {
        private final String id;
        private final KafkaConsumer<String, String> consumer;
        private final KafkaProducer<String, String> producer;
        private final Map<String, Integer> seen = new HashMap<>();
        private final Thread worker;
        private volatile boolean running = true;

        FaultyPartner(String id) {
            this.id = id;
            this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                    ConsumerConfig.GROUP_ID_CONFIG, "partner-" + id, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                    new StringDeserializer(), new StringDeserializer());
            this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                    new StringSerializer(), new StringSerializer());
            this.worker = new Thread(this::run, "faulty-partner");
        }

        void start() {
            worker.start();
        }

        private void run() {
            try {
                consumer.subscribe(List.of(Topics.partnerNotices(id)));
                while (running) {
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                        answer(EventContract.mapper().readValue(r.value(), CloudEvent.class));
                    }
                }
            } catch (WakeupException stopping) {
                // closed
            } catch (Exception e) {
                throw new IllegalStateException(e);
            } finally {
                consumer.close();
            }
        }

        private void answer(CloudEvent notice) throws Exception {
            JsonNode data = notice.data();
            String noticeId = data.path("noticeId").asText();
            int times = seen.merge(noticeId, 1, Integer::sum);
            String recipient = id;
            String source = Channels.partnerSource(id);
            String outcome = "completed";
            switch (notice.type()) {
                case EventTypes.PARTNER_RESTRICTION -> {
                    return;
                }
                case EventTypes.PARTNER_CONSENT_WITHDRAWN -> recipient = "someone-else";
                case EventTypes.PARTNER_CORRECTION -> outcome = times == 1 ? "completed" : "exception";
                case EventTypes.PARTNER_ERASURE -> source = Channels.partnerSource("other-partner");
                default -> {
                }
            }
            CloudEvent reply = new CloudEvent(CloudEvent.SPEC_VERSION, UUID.randomUUID().toString(), source,
                    EventTypes.PARTNER_REPLY, Instant.now(), CloudEvent.JSON, notice.tenant(), notice.subjectkey(),
                    EventContract.mapper().valueToTree(new PartnerReply(noticeId, recipient, outcome, "done", null)));
            producer.send(new ProducerRecord<>(Topics.partnerReplies(id), reply.recordKey(),
                    EventContract.mapper().writeValueAsString(reply))).get();
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            consumer.wakeup();
            worker.join(5_000);
            producer.close();
        }
    }
}
