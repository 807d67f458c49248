package dev.consentry.bench;

import dev.consentry.events.CloudEvent;
import dev.consentry.events.EventContract;
import dev.consentry.events.EventTypes;
import dev.consentry.events.Topics;
import dev.consentry.events.data.ConsentDecisionData;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The audit log's workloads: ingest from the consent topic, inclusion proofs, full verification. */
final class AuditWorkloads {

    private static final Pattern TREE_SIZE = Pattern.compile("\"treeSize\":(\\d+)");
    private static final Pattern SIZE = Pattern.compile("\"size\":(\\d+)");

    private final Api audit;
    private final String bootstrap;
    private final String tenant;

    AuditWorkloads(Api audit, String bootstrap, String tenant) {
        this.audit = audit;
        this.bootstrap = bootstrap;
        this.tenant = tenant;
    }

    /** The log's size now, from a fresh checkpoint. */
    long size() throws Exception {
        Matcher m = TREE_SIZE.matcher(audit.postForBody("/v1/audit/checkpoints", Workloads.JSON, ""));
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    /**
     * Publishes {@code events} consent events as consent-service would, and returns the events/s the log appended. The
     * log's size is asked once a second: each ask issues a signed checkpoint, whose Ed25519 signature took about a
     * twelfth of audit-service's CPU when asked every 250 ms; the rate errs low by at most a second of its run.
     */
    double ingest(int events, Duration timeout) throws Exception {
        long before = size();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            EventTemplate template = new EventTemplate(tenant);
            long t0 = System.nanoTime();
            for (int i = 0; i < events; i++) {
                String subjectKey = "bench-audit-" + (i % 1000);
                producer.send(new ProducerRecord<>(Topics.CONSENT, tenant + "/" + subjectKey,
                        template.event(UUID.randomUUID().toString(), subjectKey, Instant.now())));
            }
            producer.flush();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                if (size() >= before + events) {
                    return events / ((System.nanoTime() - t0) / 1e9);
                }
                Thread.sleep(1000);
            }
            long done = size() - before;
            return done / ((System.nanoTime() - t0) / 1e9);
        }
    }

    /**
     * A consent event as consent-service writes it, serialised once with the contract's mapper and then filled in
     * per event (id, record id, subject, times): building each event through Jackson cost the generator about as much
     * CPU per event as audit-service's own append, on the same two cores.
     */
    static final class EventTemplate {
        private static final String ID = "00000000-0000-0000-0000-0000000000a1";
        private static final String RECORD = "00000000-0000-0000-0000-0000000000b2";
        private static final String SUBJECT = "bench-audit-subject-placeholder";
        private static final Instant TIME = Instant.parse("2001-02-03T04:05:06.123456Z");

        private final String json;

        EventTemplate(String tenant) {
            try {
                json = EventContract.mapper().writeValueAsString(new CloudEvent(CloudEvent.SPEC_VERSION, ID,
                        "/consentry/consent-service", EventTypes.CONSENT_GIVEN, TIME, CloudEvent.JSON, tenant, SUBJECT,
                        EventContract.mapper().valueToTree(new ConsentDecisionData(RECORD, "marketing-email", "given",
                                TIME, "checkbox", "web", "bench", "1", "subject"))));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }

        /** The event with these values: its own id and record id, the subject, and {@code time} for both times. */
        String event(String id, String subjectKey, Instant time) {
            return json.replace(ID, id).replace(RECORD, UUID.randomUUID().toString()).replace(SUBJECT, subjectKey)
                    .replace(TIME.toString(), time.toString());
        }
    }

    boolean inclusionProof(long size) throws Exception {
        long seq = 1 + ThreadLocalRandom.current().nextLong(size);
        return audit.keptAliveGet("/v1/audit/proofs/inclusion?seq=" + seq + "&treeSize=" + size) == 200;
    }

    /** Seconds one full verification takes, and the size it verified. */
    double[] verification() throws Exception {
        long t0 = System.nanoTime();
        String body = audit.getBody("/v1/audit/verification", Duration.ofMinutes(15));
        double seconds = (System.nanoTime() - t0) / 1e9;
        Matcher m = SIZE.matcher(body);
        boolean valid = body.contains("\"valid\":true");
        if (!valid) {
            // a verification answer holds hashes and entry numbers, never personal data
            System.out.println("[bench] verification did not pass: " + body.substring(0, Math.min(400, body.length())));
        }
        return new double[]{seconds, m.find() ? Double.parseDouble(m.group(1)) : Double.NaN, valid ? 1 : 0};
    }
}
