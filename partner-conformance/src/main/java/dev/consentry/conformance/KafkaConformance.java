package dev.consentry.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.consentry.events.Channels;
import dev.consentry.events.EventContract;
import dev.consentry.events.EventTypes;
import dev.consentry.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Plays Consentry against a partner on Kafka: writes one notice of every type (and a duplicate record and a redelivered
 * notice) to {@code consentry.partner.<id>.v1}, reads {@code consentry.partner.<id>.replies.v1} for the wait time, and
 * checks every reply against the contract and the protocol's rules.
 */
public final class KafkaConformance {

    private final String partnerId;
    private final String tenant;
    private final Duration wait;
    private final Properties client;

    /**
     * @param client Kafka client settings: at least {@code bootstrap.servers}; SASL/TLS settings as the partner's own
     *               credentials need them (the kit writes notices, so run it with credentials that may)
     */
    public KafkaConformance(String partnerId, String tenant, Duration wait, Properties client) {
        this.partnerId = partnerId;
        this.tenant = tenant;
        this.wait = wait;
        this.client = client;
    }

    public Report run() throws Exception {
        Instant replyBy = Instant.now().plus(wait);
        List<Notices.Sent> sent = Notices.all(tenant, partnerId, replyBy);
        try (KafkaConsumer<String, String> replies = consumer()) {
            replies.subscribe(List.of(Topics.partnerReplies(partnerId)));
            // join the group and start from the end before the notices go out: only answers to them are read
            Instant joinBy = Instant.now().plusSeconds(30);
            while (replies.assignment().isEmpty() && Instant.now().isBefore(joinBy)) {
                replies.poll(Duration.ofMillis(100));
            }
            replies.seekToEnd(replies.assignment());
            replies.assignment().forEach(replies::position);
            try (KafkaProducer<String, String> producer = producer()) {
                for (Notices.Sent notice : sent) {
                    producer.send(new ProducerRecord<>(Topics.partnerNotices(partnerId), notice.event().recordKey(),
                            EventContract.mapper().writeValueAsString(notice.event()))).get();
                }
            }
            return check(sent, read(replies, sent), replyBy);
        }
    }

    private List<JsonNode> read(KafkaConsumer<String, String> consumer, List<Notices.Sent> sent) {
        Set<String> expected = sent.stream().map(Notices.Sent::noticeId).collect(Collectors.toSet());
        Map<String, Integer> answers = new HashMap<>();
        List<JsonNode> replies = new ArrayList<>();
        Instant end = Instant.now().plus(wait);
        // every notice answered, the repeated ones twice: then a short grace for stragglers
        while (Instant.now().isBefore(end)) {
            for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(250))) {
                JsonNode reply = json(r.value());
                replies.add(reply);
                answers.merge(reply.path("data").path("noticeId").asText(), 1, Integer::sum);
            }
            boolean all = expected.stream().allMatch(id -> answers.getOrDefault(id, 0)
                    >= sent.stream().filter(s -> s.noticeId().equals(id)).count());
            if (all) {
                end = Instant.now().isBefore(end.minusSeconds(2)) ? Instant.now().plusSeconds(2) : end;
            }
        }
        return replies;
    }

    private Report check(List<Notices.Sent> sent, List<JsonNode> replies, Instant replyBy) {
        Report report = new Report();
        Map<String, Notices.Sent> notices = new LinkedHashMap<>();
        sent.stream().filter(s -> !s.repeat()).forEach(s -> notices.put(s.noticeId(), s));
        Map<String, List<JsonNode>> byNotice = new HashMap<>();
        String source = Channels.partnerSource(partnerId);
        for (JsonNode reply : replies) {
            String at = "reply " + reply.path("id").asText("(no id)");
            List<String> violations = reply.isObject() ? EventContract.violations(reply) : List.of("not JSON");
            if (!violations.isEmpty()) {
                report.fail("reply-matches-the-schema", at + ": " + String.join("; ", violations));
                continue;
            }
            if (!EventTypes.PARTNER_REPLY.equals(reply.path("type").asText())) {
                report.fail("reply-type", at + " has type " + reply.path("type").asText());
            }
            if (!source.equals(reply.path("source").asText())) {
                report.fail("reply-source", at + " has source " + reply.path("source").asText() + ", not " + source
                        + " (Consentry refuses it)");
            }
            JsonNode data = reply.path("data");
            Notices.Sent notice = notices.get(data.path("noticeId").asText());
            if (notice == null) {
                report.fail("reply-names-a-sent-notice", at + " answers notice " + data.path("noticeId").asText()
                        + ", which was never sent");
                continue;
            }
            byNotice.computeIfAbsent(notice.noticeId(), k -> new ArrayList<>()).add(reply);
            if (!tenant.equals(reply.path("tenant").asText())) {
                report.fail("reply-tenant", at + " names tenant " + reply.path("tenant").asText() + ", its notice " + tenant);
            }
            if (!partnerId.equals(data.path("recipientId").asText())) {
                report.fail("reply-recipient", at + " names recipient " + data.path("recipientId").asText() + ", not "
                        + partnerId);
            }
            Instant time = instant(reply.path("time").asText());
            if (time == null || time.isAfter(replyBy)) {
                report.fail("within-reply-time", at + " is dated " + reply.path("time").asText() + ", after replyBy " + replyBy);
            }
            if (EventTypes.PARTNER_ACCESS_TASK.equals(notice.type()) && "completed".equals(data.path("outcome").asText())
                    && !data.path("data").isObject()) {
                report.fail("access-answer-has-data", at + " completes an access task without the data it holds");
            }
        }
        for (Notices.Sent notice : notices.values()) {
            List<JsonNode> answers = byNotice.getOrDefault(notice.noticeId(), List.of());
            String name = notice.type().replace("dev.consentry.partner.", "").replace(".v1", "") + " notice " + notice.noticeId();
            if (answers.isEmpty()) {
                report.fail("every-notice-answered", name + " got no answer within " + wait.toSeconds() + " s");
                continue;
            }
            report.pass("every-notice-answered", name + ": " + answers.get(0).path("data").path("outcome").asText());
            long outcomes = answers.stream().map(a -> a.path("data").path("outcome").asText()).distinct().count();
            if (outcomes > 1) {
                report.fail("redelivery-consistent", name + " was answered " + answers.size()
                        + " times with different outcomes");
            } else if (sent.stream().anyMatch(s -> s.repeat() && s.noticeId().equals(notice.noticeId()))) {
                report.pass("redelivery-consistent", name + " came again and was answered the same way ("
                        + answers.size() + " answer(s))");
            }
        }
        if (report.failedChecks().isEmpty()) {
            report.pass("replies-follow-the-protocol", replies.size() + " replies: schema, type, source " + source
                    + ", tenant, recipient and timing as expected");
        }
        return report;
    }

    private KafkaConsumer<String, String> consumer() {
        Properties p = new Properties();
        p.putAll(client);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "consentry-conformance-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
    }

    private KafkaProducer<String, String> producer() {
        Properties p = new Properties();
        p.putAll(client);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }

    private static JsonNode json(String value) {
        try {
            return EventContract.mapper().readTree(value);
        } catch (Exception e) {
            return EventContract.mapper().getNodeFactory().textNode(String.valueOf(value));
        }
    }

    private static Instant instant(String value) {
        try {
            return Instant.parse(value);
        } catch (Exception e) {
            return null;
        }
    }
}
