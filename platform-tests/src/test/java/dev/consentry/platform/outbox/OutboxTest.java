package dev.consentry.platform.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import dev.consentry.events.CloudEvent;
import dev.consentry.testkit.KafkaTopics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The transactional outbox and its relay, over the real database and broker: an event leaves with the transaction that
 * announced it and never without it, and one transaction's events reach Kafka in the order they were announced.
 */
@QuarkusTest
class OutboxTest {

    private static final String TOPIC = "consentry.platform-test.v1";
    private static final String TYPE = "dev.consentry.platform-test.marked";

    @Inject
    Outbox outbox;

    /** The topic exists before the backlog, as the chart's topics do (see {@code KafkaServer.createTopic}). */
    @org.junit.jupiter.api.BeforeAll
    static void topicExists() throws Exception {
        dev.consentry.testkit.TestInfrastructure.kafka().createTopic(TOPIC);
    }

    @Inject
    MeterRegistry metrics;

    @Test
    void anEventLeavesWithItsTransactionAndNeverWithoutIt() throws Throwable {
        String subjectKey = "sk-" + UUID.randomUUID();
        AtomicReference<String> rolledBack = new AtomicReference<>();
        assertThrows(IllegalStateException.class, () -> VertxContextSupport.subscribeAndAwait(() ->
                Panache.withTransaction(() -> outbox.publish(TOPIC, TYPE, "shop-a", subjectKey, Map.of("n", 1))
                        .invoke(e -> rolledBack.set(e.id()))
                        .flatMap(e -> Uni.createFrom().failure(new IllegalStateException("the caller's work failed"))))));
        assertNotNull(rolledBack.get());
        CloudEvent committed = VertxContextSupport.subscribeAndAwait(() ->
                Panache.withTransaction(() -> outbox.publish(TOPIC, TYPE, "shop-a", subjectKey, Map.of("n", 2))));

        // one subject, one partition, relayed in order: had the rolled-back event left, it would be read first
        List<JsonNode> seen = KafkaTopics.awaitEvents(TOPIC, e -> subjectKey.equals(e.path("subjectkey").asText()), 1,
                Duration.ofSeconds(30));
        assertEquals(List.of(committed.id()), seen.stream().map(e -> e.path("id").asText()).toList());
    }

    @Test
    void oneTransactionsEventsArriveInTheOrderTheyWereAnnounced() throws Throwable {
        String subjectKey = "sk-" + UUID.randomUUID();
        List<CloudEvent> announced = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() ->
                outbox.publishAll(List.of(
                        new Outbox.Announcement(TOPIC, TYPE, "shop-a", subjectKey, Map.of("n", 1)),
                        new Outbox.Announcement(TOPIC, TYPE, "shop-a", subjectKey, Map.of("n", 2)),
                        new Outbox.Announcement(TOPIC, TYPE, "shop-a", subjectKey, Map.of("n", 3))))));

        List<JsonNode> seen = KafkaTopics.awaitEvents(TOPIC, e -> subjectKey.equals(e.path("subjectkey").asText()), 3,
                Duration.ofSeconds(30));
        assertEquals(announced.stream().map(CloudEvent::id).toList(), seen.stream().map(e -> e.path("id").asText()).toList());
        assertEquals("/consentry/platform-test", seen.get(0).path("source").asText(), "the service's own source");
    }

    /**
     * A backlog larger than one read and than what may wait for acknowledgements at once (the test profile reads 40
     * rows at a time, 100 in flight): the relay pipelines reads and sends, and one subject's events still arrive once
     * each, in the order they were announced, and leave the outbox.
     */
    @Test
    void aBacklogIsRelayedThroughThePipelineInOrderAndLeavesTheOutbox() throws Throwable {
        String subjectKey = "sk-" + UUID.randomUUID();
        List<Outbox.Announcement> announcements = java.util.stream.IntStream.range(0, 450)
                .mapToObj(n -> new Outbox.Announcement(TOPIC, TYPE, "shop-a", subjectKey, Map.of("n", n)))
                .toList();
        List<CloudEvent> announced = VertxContextSupport.subscribeAndAwait(() ->
                Panache.withTransaction(() -> outbox.publishAll(announcements)));

        List<JsonNode> seen = KafkaTopics.awaitEvents(TOPIC, e -> subjectKey.equals(e.path("subjectkey").asText()), 450,
                Duration.ofSeconds(60));
        assertEquals(announced.stream().map(CloudEvent::id).toList(), seen.stream().map(e -> e.path("id").asText()).toList());
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (rowsOf(subjectKey) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(0, rowsOf(subjectKey), "a relayed event does not stay in the outbox");
    }

    private long rowsOf(String subjectKey) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> Panache.getSession().flatMap(s ->
                s.createNativeQuery("SELECT count(*) FROM outbox_message WHERE record_key = ?1", Long.class)
                        .setParameter(1, "shop-a/" + subjectKey).getSingleResult())));
    }

    /**
     * Operations (the event on Kafka after commit): the record carries when its transaction committed, not when the
     * transaction wrote the event — here it waits 300 ms between the two — so that the relay's and the broker's delay
     * can be told from the writer's own. (The test PostgreSQL tracks commit timestamps, as the chart asks.)
     */
    @Test
    void theRecordSaysWhenItsTransactionCommittedNotWhenItWroteTheEvent() throws Throwable {
        String subjectKey = "sk-" + UUID.randomUUID();
        CloudEvent written = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() ->
                outbox.publish(TOPIC, TYPE, "shop-a", subjectKey, Map.of("n", 1))
                        .call(e -> Panache.getSession().flatMap(s -> s.createNativeQuery("SELECT pg_sleep(0.3)")
                                .getSingleResult()))));
        Instant returned = Instant.now();

        List<ConsumerRecord<String, String>> records = KafkaTopics.await(TOPIC,
                r -> r.value().contains(subjectKey), 1, Duration.ofSeconds(30));
        assertEquals(1, records.size());
        Header header = records.get(0).headers().lastHeader(OutboxRelay.COMMITTED_AT);
        assertNotNull(header, "the record carries its commit time");
        Instant committed = Instant.parse(new String(header.value(), StandardCharsets.UTF_8));
        assertTrue(!committed.isBefore(written.time().plusMillis(300)),
                "committed after the transaction's wait, not when it wrote the event: " + written.time() + " / " + committed);
        assertTrue(!committed.isAfter(returned.plusMillis(10)), "and before the commit returned: " + committed + " / " + returned);
    }

    /** Operations: the relay's share of an event's latency is a metric of its own, apart from the consumers'. */
    @Test
    void theRelayReportsHowLongEachEventTookFromItsTransactionToTheBroker() throws Throwable {
        Timer delivery = metrics.get("consentry.outbox.delivery").timer();
        long before = delivery.count();
        String subjectKey = "sk-" + UUID.randomUUID();
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() ->
                outbox.publish(TOPIC, TYPE, "shop-a", subjectKey, Map.of("n", 1))));
        KafkaTopics.awaitEvents(TOPIC, e -> subjectKey.equals(e.path("subjectkey").asText()), 1, Duration.ofSeconds(30));

        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (delivery.count() == before && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(delivery.count() > before, "the delivered event is counted");
        double longestSeconds = delivery.max(java.util.concurrent.TimeUnit.SECONDS);
        assertTrue(longestSeconds > 0 && longestSeconds < 30, "and timed from its transaction to the acknowledgement");
    }
}
