package dev.consentry.audit.service;

import dev.consentry.audit.AuditFixtures;
import dev.consentry.audit.TestEvents;
import dev.consentry.events.CloudEvent;
import dev.consentry.events.EventTypes;
import dev.consentry.events.Topics;
import dev.consentry.events.data.CorrectionNotice;
import dev.consentry.events.data.DsrRequestData;
import dev.consentry.events.data.FieldChange;
import dev.consentry.platform.subject.SubjectKeys;
import dev.consentry.testkit.KafkaTopics;
import dev.consentry.testkit.Tokens;
import com.fasterxml.jackson.databind.node.TextNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A3: no readable personal data in entries; destroying the subject's key leaves the tree verifiable. */
@QuarkusTest
class CryptoShreddingTest {

    private static final String ADDRESS = "12 Nguyen Hue, District 1";

    @Inject
    SubjectKeys subjectKeys;

    @Inject
    AuditLog log;

    @Inject
    AgroalDataSource db;

    @Test
    void A3_partnerNoticesAreSealedPerSubjectAndUnreadableOnceTheKeyIsDestroyed() throws Exception {
        String tenant = "shop-shred";
        String subject = "cust-" + UUID.randomUUID();
        String subjectKey = subjectKeys.of(tenant, subject);
        String requestId = UUID.randomUUID().toString();
        CorrectionNotice notice = new CorrectionNotice(UUID.randomUUID().toString(), requestId, "swift-shipping", subject,
                List.of(new FieldChange("/shippingAddress", TextNode.valueOf("99 Le Loi"), TextNode.valueOf(ADDRESS))),
                Instant.now().plusSeconds(3600));
        var event = TestEvents.event(tenant, subjectKey, EventTypes.PARTNER_CORRECTION, notice);
        KafkaTopics.sendEvent(Topics.partnerNotices("swift-shipping"), event.recordKey(), TestEvents.json(event));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(Tokens.subject(tenant, subject))
                        .queryParam("type", EventTypes.PARTNER_CORRECTION)
                        .get("/v1/audit/subjects/{s}/entries", subject)
                        .then().statusCode(200)
                        .body("entries[0].data.changes[0].newValue", equalTo(ADDRESS)));
        assertFalse(storedData(tenant).contains("Nguyen Hue"), "the address is stored sealed");
        assertFalse(storedData(tenant).contains(subject), "the subject id is stored sealed");

        var destroyed = TestEvents.event(tenant, subjectKey, EventTypes.DSR_SUBJECT_KEY_DESTROYED,
                DsrRequestData.lifecycle(requestId, "erasure", "completed", Instant.now(), Instant.now()));
        KafkaTopics.sendEvent(Topics.DSR, destroyed.recordKey(), TestEvents.json(destroyed));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(Tokens.subject(tenant, subject)).queryParam("type", EventTypes.PARTNER_CORRECTION)
                        .get("/v1/audit/subjects/{s}/entries", subject).then().statusCode(200)
                        .body("entries[0].data.sealed", equalTo(true)).body("entries[0].data.readable", equalTo(false)));
        given().auth().oauth2(Tokens.subject(tenant, subject)).get("/v1/audit/subjects/{s}/entries", subject)
                .then().body("entries.type", hasItem(AuditLog.KEY_DESTROYED));
        given().auth().oauth2(Tokens.auditor(tenant)).get("/v1/audit/verification").then()
                .body("valid", equalTo(true));
    }

    /** Issue 13, finding 3: a notice that reaches the log after the key was destroyed never gets a new key. */
    @Test
    void S5_aLateNoticeAfterTheKeyWasDestroyedIsLoggedWithoutItsPersonalValuesAndMakesNoNewKey() throws Exception {
        String tenant = "shop-late";
        String subject = "cust-" + UUID.randomUUID();
        String subjectKey = subjectKeys.of(tenant, subject);
        var destroyed = TestEvents.event(tenant, subjectKey, EventTypes.DSR_SUBJECT_KEY_DESTROYED,
                DsrRequestData.lifecycle(UUID.randomUUID().toString(), "erasure", "completed", Instant.now(), Instant.now()));
        KafkaTopics.sendEvent(Topics.DSR, destroyed.recordKey(), TestEvents.json(destroyed));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(Tokens.auditor(tenant)).get("/v1/audit/subjects/{s}/entries", subject)
                        .then().statusCode(200).body("entries.type", hasItem(AuditLog.KEY_DESTROYED)));

        CorrectionNotice late = new CorrectionNotice(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                "swift-shipping", subject,
                List.of(new FieldChange("/shippingAddress", TextNode.valueOf("99 Le Loi"), TextNode.valueOf(ADDRESS))),
                Instant.now().plusSeconds(3600));
        var event = TestEvents.event(tenant, subjectKey, EventTypes.PARTNER_CORRECTION, late);
        KafkaTopics.sendEvent(Topics.partnerNotices("swift-shipping"), event.recordKey(), TestEvents.json(event));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(Tokens.auditor(tenant)).queryParam("type", EventTypes.PARTNER_CORRECTION)
                        .get("/v1/audit/subjects/{s}/entries", subject).then().statusCode(200)
                        .body("entries[0].data.personalValuesDropped", equalTo(true))
                        .body("entries[0].data.noticeId", equalTo(late.noticeId())));
        assertFalse(storedData(tenant).contains("Nguyen Hue"));
        assertFalse(storedData(tenant).contains(subject));
        try (var c = db.getConnection(); var q = c.prepareStatement(
                "SELECT count(*) FROM subject_data_key WHERE tenant = ? AND subject_key = ?")) {
            q.setString(1, tenant);
            q.setString(2, subjectKey);
            var rs = q.executeQuery();
            rs.next();
            assertEquals(0, rs.getInt(1), "no new key for an erased subject");
        }
    }

    @Test
    void A3_aPartnerReplyWithoutSubjectKeyKeepsOnlyItsIds() throws Exception {
        String tenant = "shop-redact";
        var reply = TestEvents.event(tenant, null, EventTypes.PARTNER_REPLY, java.util.Map.of(
                "noticeId", UUID.randomUUID().toString(), "recipientId", "crm", "outcome", "completed",
                "reason", "updated jane@example.org", "data", java.util.Map.of("email", "jane@example.org")));
        AuditFixtures.append(log, reply);
        String stored = storedData(tenant);
        assertFalse(stored.contains("jane"), "free text and data of an unkeyed reply are not kept");
        assertTrue(stored.contains("\"redacted\":true"));
    }

    /** A batch's consent events are appended as they are, its notice sealed, every entry in the batch's order. */
    @Test
    void A3_aBatchMixingConsentEventsAndANoticeSealsOnlyTheNoticeAndKeepsTheOrder() throws Exception {
        String tenant = "shop-mixed";
        String subject = "cust-" + UUID.randomUUID();
        String subjectKey = subjectKeys.of(tenant, subject);
        CorrectionNotice notice = new CorrectionNotice(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                "swift-shipping", subject,
                List.of(new FieldChange("/shippingAddress", TextNode.valueOf("99 Le Loi"), TextNode.valueOf(ADDRESS))),
                Instant.now().plusSeconds(3600));
        List<CloudEvent> batch = List.of(TestEvents.consentGiven(tenant, subjectKey),
                TestEvents.consentGiven(tenant, subjectKey),
                TestEvents.event(tenant, subjectKey, EventTypes.PARTNER_CORRECTION, notice),
                TestEvents.consentGiven(tenant, subjectKey));
        AuditFixtures.appendAll(log, batch);

        List<String> ids = new ArrayList<>();
        List<String> data = new ArrayList<>();
        try (var c = db.getConnection(); var q = c.prepareStatement(
                "SELECT event_id, data FROM audit_entry WHERE tenant = ? ORDER BY seq")) {
            q.setString(1, tenant);
            var rs = q.executeQuery();
            while (rs.next()) {
                ids.add(rs.getString(1));
                data.add(rs.getString(2));
            }
        }
        assertEquals(batch.stream().map(CloudEvent::id).toList(), ids, "entries in the batch's order");
        assertTrue(data.get(2).startsWith("v1."), "the notice is sealed");
        assertFalse(data.get(2).contains("Nguyen Hue"));
        for (int i : new int[]{0, 1, 3}) {
            assertEquals(batch.get(i).data().toString(), data.get(i), "a consent event is kept as it is");
        }
        given().auth().oauth2(Tokens.auditor(tenant)).get("/v1/audit/verification").then()
                .body("valid", equalTo(true));
    }

    private String storedData(String tenant) throws Exception {
        StringBuilder all = new StringBuilder();
        try (var c = db.getConnection(); var q = c.prepareStatement("SELECT data FROM audit_entry WHERE tenant = ?")) {
            q.setString(1, tenant);
            var rs = q.executeQuery();
            while (rs.next()) {
                all.append(rs.getString(1)).append('\n');
            }
        }
        return all.toString();
    }
}
