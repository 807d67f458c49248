package dev.consentry.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The operations each workload repeats, against the local platform's consent-service. */
final class Workloads {

    static final String JSON = "application/json";
    static final List<String> PURPOSES = List.of("marketing-email", "analytics-cookies", "ad-sharing",
            "order-fulfilment", "product-reviews");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Api consent;
    private final Api other;
    private final int subjects;

    Workloads(Api consent, int subjects) {
        this(consent, consent, subjects);
    }

    /** Against two replicas of consent-service: writes go to {@code consent}, lookups alternate or go to {@code other}. */
    Workloads(Api consent, Api other, int subjects) {
        this.consent = consent;
        this.other = other;
        this.subjects = subjects;
    }

    /** A fifth purpose (for the 5-purpose form) and {@code subjects} customers who consented to e-mail marketing. */
    void seed() throws Exception {
        consent.post("/v1/purposes", JSON, """
                {"id":"product-reviews","legalBasis":"consent","optional":true,"names":{"en":"Review invitations"}}""");
        StringBuilder ndjson = new StringBuilder();
        Instant at = Instant.now().minusSeconds(3600);
        for (int i = 0; i < subjects; i++) {
            ndjson.append(importLine("bench-" + i, "marketing-email", at)).append('\n');
        }
        int status = consent.post("/v1/imports/consents", "application/x-ndjson", ndjson.toString());
        if (status / 100 != 2) {
            throw new IllegalStateException("seeding the benchmark subjects failed with " + status);
        }
    }

    boolean decision(long i) throws Exception {
        return consent.keptAliveGet("/v1/subjects/bench-" + (i % subjects) + "/decisions/marketing-email") == 200;
    }

    /** A lookup on one replica or the other, in turn. */
    boolean decisionOnEither(long i) throws Exception {
        return (i % 2 == 0 ? consent : other).keptAliveGet("/v1/subjects/bench-" + (i % subjects) + "/decisions/marketing-email") == 200;
    }

    boolean batchDecision(long i) throws Exception {
        return consent.keptAliveGet("/v1/subjects/bench-" + (i % subjects) + "/decisions?purpose=marketing-email"
                + "&purpose=analytics-cookies&purpose=ad-sharing&purpose=order-fulfilment") == 200;
    }

    boolean consentWrite(long i, int purposes) throws Exception {
        StringBuilder decisions = new StringBuilder();
        for (int p = 0; p < purposes; p++) {
            decisions.append(p == 0 ? "" : ",").append("{\"purposeId\":\"").append(PURPOSES.get(p))
                    .append("\",\"decision\":\"given\"}");
        }
        return consent.keptAlivePost("/v1/consents", JSON, "{\"subjectId\":\"w-" + UUID.randomUUID() + "\",\"decisions\":["
                + decisions + "],\"method\":\"checkbox\",\"channel\":\"web\",\"collectionPoint\":\"bench\"}") == 201;
    }

    /** One import of {@code lines} records; returns the number accepted. */
    int importBatch(int lines) throws Exception {
        StringBuilder ndjson = new StringBuilder();
        Instant at = Instant.now().minusSeconds(60);
        String prefix = "imp-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        for (int i = 0; i < lines; i++) {
            ndjson.append(importLine(prefix + i, PURPOSES.get(i % 4), at)).append('\n');
        }
        int status = consent.post("/v1/imports/consents", "application/x-ndjson", ndjson.toString());
        return status / 100 == 2 ? lines : 0;
    }

    /**
     * Correctness under load: right after a withdrawal returns, the decision must be deny — read from the other replica
     * when there are two. Returns violations.
     */
    int withdrawalThenDecision(int rounds) throws Exception {
        int violations = 0;
        for (int r = 0; r < rounds; r++) {
            String subject = "wd-" + UUID.randomUUID();
            consent.post("/v1/consents", JSON, "{\"subjectId\":\"" + subject + "\",\"decisions\":[{\"purposeId\":"
                    + "\"marketing-email\",\"decision\":\"given\"}],\"method\":\"checkbox\",\"channel\":\"web\","
                    + "\"collectionPoint\":\"bench\"}");
            consent.post("/v1/subjects/" + subject + "/withdrawals", JSON,
                    "{\"channel\":\"web\",\"method\":\"button\",\"collectionPoint\":\"bench\"}");
            if (!other.getBody("/v1/subjects/" + subject + "/decisions/marketing-email").contains("\"deny\"")) {
                violations++;
            }
        }
        return violations;
    }

    private static String importLine(String subject, String purpose, Instant at) {
        return "{\"subjectId\":\"" + subject + "\",\"purposeId\":\"" + purpose + "\",\"decision\":\"given\","
                + "\"decidedAt\":\"" + at + "\",\"method\":\"checkbox\",\"channel\":\"web\",\"collectionPoint\":\"import\"}";
    }

    /**
     * Follows {@code consentry.consent.v1} while a write workload runs and records, per event, the time to its arrival
     * here from when its transaction committed (the record's {@code consentry-committed-at} header, which the relay
     * sets when PostgreSQL tracks commit timestamps, as the local platform's does) and from the event's {@code time}
     * (when the request wrote the outbox row, before its commit).
     */
    static final class EventLatency implements AutoCloseable {
        private final Histogram fromCommit = new Histogram(3);
        private final Histogram fromWrite = new Histogram(3);
        private final TopicFollower follower;

        EventLatency(String bootstrap) {
            follower = new TopicFollower("bench-event-latency", bootstrap,
                    consumer -> consumer.subscribe(List.of("consentry.consent.v1")), 1, this::record);
        }

        void awaitAssignment() throws InterruptedException {
            follower.awaitAssignment();
        }

        private synchronized void record(ConsumerRecord<String, String> record) {
            Instant arrived = Instant.now();
            try {
                JsonNode event = MAPPER.readTree(record.value());
                if (!event.path("data").path("collectionPoint").asText().equals("bench")) {
                    return;
                }
                fromWrite.recordValue(micros(Instant.parse(event.path("time").asText()), arrived));
                Header committed = record.headers().lastHeader("consentry-committed-at");
                if (committed != null) {
                    fromCommit.recordValue(micros(Instant.parse(new String(committed.value(), StandardCharsets.UTF_8)),
                            arrived));
                }
            } catch (Exception ignored) {
                // not one of ours
            }
        }

        private static long micros(Instant from, Instant to) {
            return Math.max(1, Duration.between(from, to).toNanos() / 1000);
        }

        /** From the commit; empty when the database does not track commit timestamps. */
        synchronized Histogram afterCommit() {
            return fromCommit.copy();
        }

        /** From when the request wrote the event (before its commit). */
        synchronized Histogram afterWrite() {
            return fromWrite.copy();
        }

        @Override
        public void close() throws InterruptedException {
            follower.close();
        }
    }
}
