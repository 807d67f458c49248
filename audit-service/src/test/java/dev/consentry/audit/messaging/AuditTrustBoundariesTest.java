package dev.consentry.audit.messaging;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.consentry.audit.TestEvents;
import dev.consentry.events.Channels;
import dev.consentry.events.CloudEvent;
import dev.consentry.events.EventTypes;
import dev.consentry.events.Topics;
import dev.consentry.events.data.CorrectionNotice;
import dev.consentry.events.data.DsrRequestData;
import dev.consentry.events.data.FieldChange;
import dev.consentry.events.data.PartnerReply;
import dev.consentry.platform.subject.SubjectKeys;
import dev.consentry.testkit.KafkaTopics;
import dev.consentry.testkit.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 12's findings 1 and 2 replayed against audit-service over the real broker and database: what a partner (or
 * anyone who can write some topic) publishes is taken only as what that topic may carry (S1).
 */
@QuarkusTest
class AuditTrustBoundariesTest {

    private static final String DLQ = "consentry.audit-service.dlq.v1";
    private static final String PARTNER = "swift-shipping";
    private static final String ADDRESS = "12 Nguyen Hue, District 1";

    @Inject
    SubjectKeys subjectKeys;

    @Test
    void S1_aPartnerCannotCauseAKeyDestructionFromAnyTopicButDsrServicesOwn() {
        String tenant = "shop-a";
        String subject = "cust-" + UUID.randomUUID();
        String subjectKey = subjectKeys.of(tenant, subject);
        CloudEvent notice = correctionNotice(tenant, subject, subjectKey);
        KafkaTopics.sendEvent(Topics.partnerNotices(PARTNER), notice.recordKey(), TestEvents.json(notice));
        awaitReadableNotice(tenant, subject);

        CloudEvent destroy = TestEvents.event(tenant, subjectKey, EventTypes.DSR_SUBJECT_KEY_DESTROYED,
                DsrRequestData.lifecycle(UUID.randomUUID().toString(), "erasure", "completed", Instant.now(), Instant.now()));
        // 1. on the partner's own reply topic, as the partner: the finding as reported
        CloudEvent onReplies = TestEvents.as(destroy, UUID.randomUUID().toString(), Channels.partnerSource(PARTNER));
        KafkaTopics.sendEvent(Topics.partnerReplies(PARTNER), onReplies.recordKey(), TestEvents.json(onReplies));
        // 2. on the request topic, as the partner (a broker whose ACLs let it write there)
        CloudEvent onDsr = TestEvents.as(destroy, UUID.randomUUID().toString(), Channels.partnerSource(PARTNER));
        KafkaTopics.sendEvent(Topics.DSR, onDsr.recordKey(), TestEvents.json(onDsr));
        // 3. on the partner's notice topic, with dsr-service's source
        CloudEvent onNotices = TestEvents.as(destroy, UUID.randomUUID().toString(), Channels.DSR_SERVICE);
        KafkaTopics.sendEvent(Topics.partnerNotices(PARTNER), onNotices.recordKey(), TestEvents.json(onNotices));

        assertEquals("event type not accepted on channel partner-replies",
                KafkaTopics.deadLetterReason(DLQ, onReplies.id(), Duration.ofSeconds(30)));
        assertEquals("source not accepted on channel dsr",
                KafkaTopics.deadLetterReason(DLQ, onDsr.id(), Duration.ofSeconds(30)));
        assertEquals("event type not accepted on channel partner-notices",
                KafkaTopics.deadLetterReason(DLQ, onNotices.id(), Duration.ofSeconds(30)));

        // no key destroyed: the notice still opens, nothing of the forgeries is in the log
        given().auth().oauth2(Tokens.auditor(tenant)).get("/v1/audit/subjects/{s}/entries", subject)
                .then().statusCode(200)
                .body("entries.type", not(hasItem(EventTypes.DSR_SUBJECT_KEY_DESTROYED)))
                .body("entries.find { it.type == '" + EventTypes.PARTNER_CORRECTION + "' }.data.changes[0].newValue",
                        equalTo(ADDRESS));
        // refusals are counted per channel and reason (no value of the record in a label)
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("consentry_events_refused_total{channel=\"partner-replies\",reason=\"event type not accepted on channel partner-replies\"}"));
    }

    @Test
    void S1_aReplyReusingANoticesIdBeforeTheNoticeIsLoggedDoesNotSuppressTheNotice() {
        String tenant = "shop-a";
        String subject = "cust-" + UUID.randomUUID();
        String subjectKey = subjectKeys.of(tenant, subject);
        CloudEvent notice = correctionNotice(tenant, subject, subjectKey);
        // the partner republishes the notice's id on its reply topic before audit-service has consumed the notice
        CloudEvent reply = TestEvents.as(TestEvents.event(tenant, subjectKey, EventTypes.PARTNER_REPLY,
                        new PartnerReply(notice.data().path("noticeId").asText(), PARTNER, "completed", "done", null)),
                notice.id(), Channels.partnerSource(PARTNER));
        KafkaTopics.sendEvent(Topics.partnerReplies(PARTNER), reply.recordKey(), TestEvents.json(reply));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(Tokens.auditor(tenant)).get("/v1/audit/subjects/{s}/entries", subject)
                        .then().statusCode(200).body("entries.type", hasItem(EventTypes.PARTNER_REPLY)));

        KafkaTopics.sendEvent(Topics.partnerNotices(PARTNER), notice.recordKey(), TestEvents.json(notice));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(Tokens.auditor(tenant)).queryParam("size", 50)
                        .get("/v1/audit/subjects/{s}/entries", subject).then().statusCode(200)
                        .body("entries.findAll { it.eventId == '" + notice.id() + "' }", hasSize(2))
                        .body("entries.findAll { it.eventId == '" + notice.id() + "' }.type",
                                equalTo(List.of(EventTypes.PARTNER_REPLY, EventTypes.PARTNER_CORRECTION))));
        given().auth().oauth2(Tokens.auditor(tenant)).get("/v1/audit/verification").then().body("valid", equalTo(true));
    }

    private static CloudEvent correctionNotice(String tenant, String subject, String subjectKey) {
        CorrectionNotice data = new CorrectionNotice(UUID.randomUUID().toString(), UUID.randomUUID().toString(), PARTNER,
                subject, List.of(new FieldChange("/shippingAddress", TextNode.valueOf("99 Le Loi"), TextNode.valueOf(ADDRESS))),
                Instant.now().plusSeconds(3600));
        return TestEvents.event(tenant, subjectKey, EventTypes.PARTNER_CORRECTION, data);
    }

    private static void awaitReadableNotice(String tenant, String subject) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(Tokens.auditor(tenant)).queryParam("type", EventTypes.PARTNER_CORRECTION)
                        .get("/v1/audit/subjects/{s}/entries", subject).then().statusCode(200)
                        .body("entries[0].data.changes[0].newValue", equalTo(ADDRESS)));
    }
}
