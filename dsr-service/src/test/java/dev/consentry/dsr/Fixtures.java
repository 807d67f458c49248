package dev.consentry.dsr;

import dev.consentry.events.Channels;
import dev.consentry.events.CloudEvent;
import dev.consentry.events.EventContract;
import dev.consentry.events.EventTypes;
import dev.consentry.events.Topics;
import dev.consentry.events.data.PartnerReply;
import dev.consentry.testkit.KafkaTopics;
import dev.consentry.testkit.Tokens;
import io.restassured.http.ContentType;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Registry set-up, request bodies and partner replies shared by the tests. */
public final class Fixtures {

    public static final String NEW_ADDRESS = "12 Nguyen Hue, District 1, Ho Chi Minh City";
    public static final String OLD_ADDRESS = "99 Le Loi, District 3, Ho Chi Minh City";

    private Fixtures() {
    }

    /** Registers a recipient in the tenant's registry (no-op if it exists). */
    public static void recipient(String tenant, String id, String... categories) {
        recipientFor(tenant, id, List.of(), categories);
    }

    /**
     * Registers {@code id} as a partner of the installation (no-op if it exists) and links it into the tenant's
     * registry as a recipient that processes data for {@code purposes} (no-op if linked).
     */
    public static void recipientFor(String tenant, String id, List<String> purposes, String... categories) {
        partner(id);
        int status = given().auth().oauth2(Tokens.dpo(tenant)).contentType(ContentType.JSON)
                .body(Map.of("partnerId", id, "name", id, "kind", "shipping_carrier", "dataCategories", List.of(categories),
                        "replyWithinDays", 5, "purposes", purposes))
                .post("/v1/recipients").statusCode();
        if (status != 201 && status != 409) {
            throw new IllegalStateException("recipient set-up failed with " + status);
        }
    }

    /** Registers a partner of the installation, as the platform admin does (no-op if it exists). */
    public static void partner(String id) {
        int status = given().auth().oauth2(Tokens.platformAdmin()).contentType(ContentType.JSON)
                .body(Map.of("id", id, "name", id, "kafkaPrincipal", "User:" + id))
                .post("/v1/partners").statusCode();
        if (status != 201 && status != 409) {
            throw new IllegalStateException("partner set-up failed with " + status);
        }
    }

    /** Records in the ledger that {@code recipientId} received {@code categories} of the subject's data. */
    public static void disclosure(String tenant, String subjectId, String recipientId, String... categories) {
        given().auth().oauth2(Tokens.storefront(tenant)).contentType(ContentType.JSON)
                .body(Map.of("subjectId", subjectId, "recipientId", recipientId, "categories", List.of(categories),
                        "basis", "contract", "disclosedAt", Instant.now().minusSeconds(3600).toString()))
                .post("/v1/disclosures").then().statusCode(201);
    }

    public static Map<String, Object> correction(String subjectId) {
        return Map.of("type", "correction", "subjectId", subjectId, "jurisdiction", "VN",
                "corrections", List.of(Map.of("field", "shippingAddress", "oldValue", OLD_ADDRESS,
                        "newValue", NEW_ADDRESS)));
    }

    /** Publishes a partner's reply the way a partner system would (its own topic and source); returns the event id. */
    public static String reply(String tenant, String noticeId, String recipientId, String outcome) {
        String eventId = UUID.randomUUID().toString();
        replyWithId(eventId, tenant, noticeId, recipientId, outcome);
        return eventId;
    }

    public static void replyWithId(String eventId, String tenant, String noticeId, String recipientId, String outcome) {
        replyWithData(eventId, tenant, noticeId, recipientId, outcome, null);
    }

    /** An access task's answer: {@code data} is what the recipient holds about the subject. */
    public static void replyWithData(String eventId, String tenant, String noticeId, String recipientId, String outcome,
                                     Map<String, Object> data) {
        replyAs(recipientId, Topics.partnerReplies(recipientId), eventId, tenant, noticeId, recipientId, outcome, data);
    }

    /**
     * A reply written by partner {@code partnerId} (its source) on {@code topic}: tests of the trust boundaries use it
     * to write where, or as whom, a partner should not.
     */
    public static void replyAs(String partnerId, String topic, String eventId, String tenant, String noticeId,
                               String recipientId, String outcome, Map<String, Object> data) {
        CloudEvent event = new CloudEvent(CloudEvent.SPEC_VERSION, eventId, Channels.partnerSource(partnerId),
                EventTypes.PARTNER_REPLY, Instant.now(), CloudEvent.JSON, tenant, null,
                EventContract.mapper().valueToTree(new PartnerReply(noticeId, recipientId, outcome, "applied",
                        data == null ? null : EventContract.mapper().valueToTree(data))));
        try {
            KafkaTopics.sendEvent(topic, tenant, EventContract.mapper().writeValueAsString(event));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
