package dev.consentry.dsr.messaging;

import dev.consentry.dsr.Fixtures;
import dev.consentry.events.Channels;
import dev.consentry.events.CloudEvent;
import dev.consentry.events.EventContract;
import dev.consentry.events.EventTypes;
import dev.consentry.events.Topics;
import dev.consentry.events.data.ConsentDecisionData;
import dev.consentry.platform.subject.SubjectKeys;
import dev.consentry.testkit.KafkaTopics;
import dev.consentry.testkit.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 12's findings 3, 4 and 5 replayed against dsr-service over the real broker and database, as a partner, a
 * shop or anyone able to write a topic would try them (S1, S2).
 */
@QuarkusTest
class KafkaTrustBoundariesTest {

    private static final String DLQ = "consentry.dsr-service.dlq.v1";

    @Inject
    SubjectKeys subjectKeys;

    /** Finding 3: two shops naming their own systems alike get two topics; nobody can register into another's. */
    @Test
    void S2_twoShopsOwnSystemsWithTheSameIdNeverShareATopic() {
        String system = "crm-" + UUID.randomUUID().toString().substring(0, 8);
        String topicA = ownSystem("shop-a", system);
        String topicB = ownSystem("shop-b", system);
        assertEquals(Topics.partnerNotices("shop-a--" + system), topicA);
        assertEquals(Topics.partnerNotices("shop-b--" + system), topicB);

        String subject = "cust-" + UUID.randomUUID();
        Fixtures.disclosure("shop-b", subject, system, "email");
        given().auth().oauth2(Tokens.storefront("shop-b")).contentType(ContentType.JSON)
                .body(Map.of("type", "erasure", "subjectId", subject, "jurisdiction", "VN"))
                .post("/v1/requests").then().statusCode(201);

        assertEquals(1, KafkaTopics.await(topicB, r -> r.value().contains(subject), 1, Duration.ofSeconds(20)).size());
        assertTrue(KafkaTopics.await(topicA, r -> r.value().contains(subject), 1, Duration.ofSeconds(2)).isEmpty(),
                "shop-b's notice never reaches shop-a's system");

        // a shop's own system id can be neither registered as a partner nor linked by another shop
        given().auth().oauth2(Tokens.platformAdmin()).contentType(ContentType.JSON)
                .body(Map.of("id", "shop-a--" + system, "name", "x", "kafkaPrincipal", "User:x"))
                .post("/v1/partners").then().statusCode(400).body("errors.field", org.hamcrest.Matchers.hasItem("id"));
        given().auth().oauth2(Tokens.dpo("shop-b")).contentType(ContentType.JSON)
                .body(Map.of("id", "theirs", "partnerId", "shop-a--" + system, "name", "x", "kind", "other",
                        "dataCategories", List.of("email")))
                .post("/v1/recipients").then().statusCode(400);
        // and a partner the admin never registered cannot be linked at all
        given().auth().oauth2(Tokens.dpo("shop-b")).contentType(ContentType.JSON)
                .body(Map.of("partnerId", "never-registered", "name", "x", "kind", "other", "dataCategories", List.of("email")))
                .post("/v1/recipients").then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://consentry.dev/problems/unknown-partner"));
    }

    /** Finding 3, deliberate sharing: one registered partner serves two shops on one topic, each notice naming its shop. */
    @Test
    void S2_aRegisteredPartnerServesSeveralShopsOnOneTopicWithEachNoticesTenant() {
        String partner = "carrier-" + UUID.randomUUID().toString().substring(0, 8);
        Fixtures.recipient("shop-a", partner, "shippingAddress");
        Fixtures.recipient("shop-b", partner, "shippingAddress");
        String subject = "cust-" + UUID.randomUUID();
        Fixtures.disclosure("shop-b", subject, partner, "shippingAddress");
        given().auth().oauth2(Tokens.storefront("shop-b")).contentType(ContentType.JSON)
                .body(Map.of("type", "erasure", "subjectId", subject, "jurisdiction", "VN"))
                .post("/v1/requests").then().statusCode(201);
        var notice = KafkaTopics.awaitEvents(Topics.partnerNotices(partner),
                e -> subject.equals(e.path("data").path("subjectId").asText()), 1).get(0);
        assertEquals("shop-b", notice.path("tenant").asText());
    }

    /** Finding 4: a reply counts only from the partner the notice went to, on its own topic, for the notice's shop. */
    @Test
    void S2_aReplyOnAnotherPartnersTopicOrAsAnotherPartnerIsRefused() {
        String p = "carrier-" + UUID.randomUUID().toString().substring(0, 8);
        String q = "rival-" + UUID.randomUUID().toString().substring(0, 8);
        Fixtures.recipient("shop-a", p, "shippingAddress");
        Fixtures.partner(q);
        String subject = "cust-" + UUID.randomUUID();
        Fixtures.disclosure("shop-a", subject, p, "shippingAddress");
        JsonPath filed = given().auth().oauth2(Tokens.storefront("shop-a")).contentType(ContentType.JSON)
                .body(Fixtures.correction(subject)).post("/v1/requests").then().statusCode(201).extract().jsonPath();
        String requestId = filed.getString("id");
        String noticeId = filed.getString("notices[0].noticeId");

        String onOwnTopic = UUID.randomUUID().toString();
        Fixtures.replyAs(q, Topics.partnerReplies(q), onOwnTopic, "shop-a", noticeId, p, "completed", null);
        String asOther = UUID.randomUUID().toString();
        Fixtures.replyAs(q, Topics.partnerReplies(p), asOther, "shop-a", noticeId, p, "completed", null);
        String otherTenant = UUID.randomUUID().toString();
        Fixtures.replyAs(p, Topics.partnerReplies(p), otherTenant, "shop-b", noticeId, p, "completed", null);
        String notAReply = UUID.randomUUID().toString();
        sendAs(p, Topics.partnerReplies(p), notAReply, EventTypes.DSR_COMPLETED, "shop-a", Map.of("requestId", requestId));

        assertEquals("reply to a notice sent to another partner", KafkaTopics.deadLetterReason(DLQ, onOwnTopic, Duration.ofSeconds(30)));
        assertEquals("source not accepted on channel partner-replies", KafkaTopics.deadLetterReason(DLQ, asOther, Duration.ofSeconds(30)));
        assertEquals("reply to a notice this tenant never sent", KafkaTopics.deadLetterReason(DLQ, otherTenant, Duration.ofSeconds(30)));
        assertEquals("event type not accepted on channel partner-replies", KafkaTopics.deadLetterReason(DLQ, notAReply, Duration.ofSeconds(30)));
        given().auth().oauth2(Tokens.storefront("shop-a")).get("/v1/requests/{id}", requestId).then()
                .body("status", equalTo("awaiting_partners")).body("notices[0].outcome", nullValue());

        // the partner itself, on its own topic: counts
        Fixtures.reply("shop-a", noticeId, p, "completed");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(Tokens.storefront("shop-a")).get("/v1/requests/{id}", requestId).then()
                        .body("status", equalTo("completed")));
    }

    /** Finding 5: consent events count only from consent-service, and a decision from the future is refused. */
    @Test
    void S1_forgedConsentEventsHaveNoEffect() throws Exception {
        String partner = "ads-" + UUID.randomUUID().toString().substring(0, 8);
        Fixtures.recipientFor("shop-a", partner, List.of("ad-sharing"), "email");
        String subject = "cust-" + UUID.randomUUID();
        Fixtures.disclosure("shop-a", subject, partner, "email");

        String forged = consentEvent(subject, Channels.partnerSource(partner), EventTypes.CONSENT_WITHDRAWN, Instant.now());
        String future = consentEvent(subject, Channels.CONSENT_SERVICE, EventTypes.CONSENT_GIVEN,
                Instant.now().plus(Duration.ofDays(365)));
        String wrongType = consentEvent(subject, Channels.CONSENT_SERVICE, EventTypes.DSR_SUBJECT_KEY_DESTROYED, Instant.now());

        assertEquals("source not accepted on channel consent", KafkaTopics.deadLetterReason(DLQ, forged, Duration.ofSeconds(30)));
        assertEquals("consent decision dated in the future", KafkaTopics.deadLetterReason(DLQ, future, Duration.ofSeconds(30)));
        assertEquals("event type not accepted on channel consent", KafkaTopics.deadLetterReason(DLQ, wrongType, Duration.ofSeconds(30)));
        assertTrue(KafkaTopics.await(Topics.partnerNotices(partner), r -> r.value().contains(subject), 1,
                Duration.ofSeconds(2)).isEmpty(), "no withdrawal notice carried the subject id to the partner");

        // the real withdrawal still works: the forged 'given' from the future did not freeze the subject's state
        consentEvent(subject, Channels.CONSENT_SERVICE, EventTypes.CONSENT_WITHDRAWN, Instant.now());
        assertEquals(1, KafkaTopics.await(Topics.partnerNotices(partner), r -> r.value().contains(subject), 1,
                Duration.ofSeconds(20)).size());
    }

    private String ownSystem(String tenant, String id) {
        return given().auth().oauth2(Tokens.dpo(tenant)).contentType(ContentType.JSON)
                .body(Map.of("id", id, "name", "CRM", "kind", "internal_store", "dataCategories", List.of("email")))
                .post("/v1/recipients").then().statusCode(201)
                .body("partnerId", equalTo(tenant + "--" + id))
                .extract().path("topic");
    }

    private String consentEvent(String subject, String source, String type, Instant decidedAt) throws Exception {
        CloudEvent event = new CloudEvent(CloudEvent.SPEC_VERSION, UUID.randomUUID().toString(), source, type,
                Instant.now(), CloudEvent.JSON, "shop-a", subjectKeys.of("shop-a", subject),
                EventContract.mapper().valueToTree(new ConsentDecisionData(UUID.randomUUID().toString(), "ad-sharing",
                        type.equals(EventTypes.CONSENT_GIVEN) ? "given" : "withdrawn", decidedAt, "banner", "web",
                        "checkout", "3", "subject")));
        KafkaTopics.sendEvent(Topics.CONSENT, event.recordKey(), EventContract.mapper().writeValueAsString(event));
        return event.id();
    }

    private static void sendAs(String partner, String topic, String id, String type, String tenant, Object data) {
        CloudEvent event = new CloudEvent(CloudEvent.SPEC_VERSION, id, Channels.partnerSource(partner), type,
                Instant.now(), CloudEvent.JSON, tenant, null, EventContract.mapper().valueToTree(data));
        try {
            KafkaTopics.sendEvent(topic, tenant, EventContract.mapper().writeValueAsString(event));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
