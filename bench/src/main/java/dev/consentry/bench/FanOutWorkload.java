package dev.consentry.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.consentry.events.Topics;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Correction fan-out: a subject's address went to {@link #RECIPIENTS} partners (disclosure ledger); a storefront files
 * a correction (verified at once) and the harness waits until every partner's topic carries its notice. The latency
 * runs from the moment the request is sent — so it includes the HTTP call — to the arrival of the last notice.
 */
final class FanOutWorkload implements AutoCloseable {

    static final int RECIPIENTS = 20;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Api dsr;
    private final String bootstrap;
    private final Map<String, AtomicInteger> noticesPerRequest = new ConcurrentHashMap<>();
    private TopicFollower notices;

    FanOutWorkload(Api dsr, String bootstrap) {
        this.dsr = dsr;
        this.bootstrap = bootstrap;
    }

    private static String recipient(int i) {
        return String.format("fan-out-%02d", i);
    }

    /**
     * Registers the partners (platform admin token), links them into the shop's registry (dpo token), creates their
     * topics and starts listening to them.
     */
    void seed(Api platformAdmin, Api dpo) throws Exception {
        List<NewTopic> topics = new ArrayList<>();
        for (int i = 1; i <= RECIPIENTS; i++) {
            created(platformAdmin.post("/v1/partners", Workloads.JSON, """
                    {"id":"%s","name":"Bench partner %d","kafkaPrincipal":"User:%s"}""".formatted(recipient(i), i, recipient(i))));
            created(dpo.post("/v1/recipients", Workloads.JSON, """
                    {"partnerId":"%s","name":"Bench partner %d","kind":"other","dataCategories":["shippingAddress","name"],
                     "replyWithinDays":5}""".formatted(recipient(i), i)));
            topics.add(new NewTopic(Topics.partnerNotices(recipient(i)), 1, (short) 1));
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(topics).all().get();
        }
        notices = new TopicFollower("bench-fan-out", bootstrap,
                consumer -> consumer.subscribe(Pattern.compile("consentry\\.partner\\.fan-out-\\d+\\.v1")),
                RECIPIENTS, record -> count(record.value()));
        notices.awaitAssignment();
    }

    private static void created(int status) {
        if (status != 201 && status != 409) {
            throw new IllegalStateException("registering a benchmark partner failed with " + status);
        }
    }

    /**
     * Files {@code corrections} corrections one after another, each for a new subject whose data went to every
     * partner, and returns the milliseconds until all notices of each were on Kafka (one value per correction).
     */
    Histogram measure(int corrections, Duration timeoutEach) throws Exception {
        Histogram millis = new Histogram(3);
        for (int c = 0; c < corrections; c++) {
            String subject = "fan-" + UUID.randomUUID();
            for (int i = 1; i <= RECIPIENTS; i++) {
                dsr.post("/v1/disclosures", Workloads.JSON, """
                        {"subjectId":"%s","recipientId":"%s","categories":["name","shippingAddress"],
                         "basis":"contract","disclosedAt":"%s"}""".formatted(subject, recipient(i), Instant.now().minusSeconds(60)));
            }
            long t0 = System.nanoTime();
            String body = dsr.postForBody("/v1/requests", Workloads.JSON, """
                    {"type":"correction","subjectId":"%s","jurisdiction":"VN","corrections":[{"field":"shippingAddress",
                     "oldValue":"99 Le Loi","newValue":"12 Nguyen Hue"}]}""".formatted(subject));
            String requestId = MAPPER.readTree(body).path("id").asText();
            AtomicInteger seen = noticesPerRequest.computeIfAbsent(requestId, k -> new AtomicInteger());
            long deadline = t0 + timeoutEach.toNanos();
            while (seen.get() < RECIPIENTS && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            if (seen.get() < RECIPIENTS) {
                throw new IllegalStateException("only " + seen.get() + " of " + RECIPIENTS + " notices arrived within "
                        + timeoutEach);
            }
            millis.recordValue(Math.max(1, (System.nanoTime() - t0) / 1_000_000));
        }
        return millis;
    }

    private void count(String value) {
        try {
            JsonNode event = MAPPER.readTree(value);
            noticesPerRequest.computeIfAbsent(event.path("data").path("requestId").asText(), k -> new AtomicInteger())
                    .incrementAndGet();
        } catch (Exception ignored) {
            // not a notice of this workload
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (notices != null) {
            notices.close();
        }
    }
}
