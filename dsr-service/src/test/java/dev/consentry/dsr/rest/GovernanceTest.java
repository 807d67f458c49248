package dev.consentry.dsr.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.consentry.dsr.MovableClock;
import dev.consentry.dsr.service.DeadlineWatch;
import dev.consentry.events.EventContract;
import dev.consentry.events.Topics;
import dev.consentry.testkit.KafkaTopics;
import dev.consentry.testkit.OutboxProbe;
import dev.consentry.testkit.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** R11–R13: the shop's privacy contact, complaints with their due dates and answers, the breach register's clock. */
@QuarkusTest
class GovernanceTest {

    @Inject
    AgroalDataSource dataSource;

    private static final String TENANT = "shop-governed";
    private static final Map<String, Object> CONTACT = Map.of(
            "controllerName", "Governed Shop Co., Ltd.", "controllerAddress", "12 Nguyen Hue, District 1, Ho Chi Minh City",
            "contactName", "Privacy team", "contactEmail", "privacy@governed.example", "contactPhone", "+84 28 1234 5678",
            "openingHours", "Mon-Fri 9:00-17:00", "complaintChannel", "https://governed.example/privacy/complaints");

    @Inject
    MovableClock clock;

    @Inject
    DeadlineWatch watch;

    @Inject
    MockMailbox mailbox;

    @AfterEach
    void backToToday() {
        clock.reset();
    }

    private static void publishContact() {
        given().auth().oauth2(Tokens.dpo(TENANT)).contentType(ContentType.JSON).body(CONTACT)
                .put("/v1/privacy-contact").then().statusCode(200);
    }

    @Test
    void R13_theShopsContactIsPublishedAndNamedInRefusalsCodesAndPackages() {
        given().auth().oauth2(Tokens.storefront(TENANT)).contentType(ContentType.JSON).body(CONTACT)
                .put("/v1/privacy-contact").then().statusCode(403);
        given().auth().oauth2(Tokens.dpo(TENANT)).contentType(ContentType.JSON)
                .body(Map.of("controllerName", "x", "controllerAddress", "y", "contactEmail", "not an address",
                        "complaintChannel", "z"))
                .put("/v1/privacy-contact").then().statusCode(400);
        given().get("/v1/tenants/{tenant}/privacy-contact", "shop-unpublished").then().statusCode(404);
        publishContact();
        given().get("/v1/tenants/{tenant}/privacy-contact", TENANT).then().statusCode(200)
                .body("controllerName", equalTo("Governed Shop Co., Ltd."))
                .body("complaintChannel", equalTo("https://governed.example/privacy/complaints"));

        // a refusal names the shop's channel first, then the authority of the jurisdiction (a request received by
        // staff for a customer without a registered contact waits for its verification: still open)
        String refused = given().auth().oauth2(Tokens.dpo(TENANT)).contentType(ContentType.JSON)
                .body(Map.of("type", "access", "subjectId", "cust-" + UUID.randomUUID(), "jurisdiction", "KR"))
                .post("/v1/requests").then().statusCode(201).extract().path("id");
        given().auth().oauth2(Tokens.dpo(TENANT)).contentType(ContentType.JSON).body(Map.of("reason", "no_match"))
                .post("/v1/requests/{id}/denial", refused).then().statusCode(200)
                .body("denial.howToComplain", startsWith("First, tell Governed Shop Co., Ltd.: "
                        + "https://governed.example/privacy/complaints (privacy@governed.example, +84 28 1234 5678"))
                .body("denial.howToComplain", containsString("Personal Information Protection Commission"));

        // the one-time code's e-mail says whom to ask
        String subject = "cust-" + UUID.randomUUID();
        String email = subject + "@example.com";
        given().auth().oauth2(Tokens.storefront(TENANT)).contentType(ContentType.JSON).body(Map.of("email", email))
                .put("/v1/subjects/{id}/contact", subject).then().statusCode(204);
        given().auth().oauth2(Tokens.dpo(TENANT)).contentType(ContentType.JSON)
                .body(Map.of("type", "access", "subjectId", subject, "jurisdiction", "VN"))
                .post("/v1/requests").then().statusCode(201);
        assertTrue(mailbox.getMailsSentTo(email).get(0).getText()
                .contains("Questions about this request: Governed Shop Co., Ltd., https://governed.example/privacy/complaints"));

        // the access package names the controller (no system registered: the request completes at once)
        String access = given().auth().oauth2(Tokens.storefront(TENANT)).contentType(ContentType.JSON)
                .body(Map.of("type", "access", "subjectId", subject, "jurisdiction", "VN"))
                .post("/v1/requests").then().statusCode(201).body("status", equalTo("completed")).extract().path("id");
        given().auth().oauth2(Tokens.storefront(TENANT)).get("/v1/requests/{id}/package", access).then().statusCode(200)
                .body("controller.controllerName", equalTo("Governed Shop Co., Ltd."))
                .body("controller.contactEmail", equalTo("privacy@governed.example"));
        given().auth().oauth2(Tokens.storefront(TENANT)).get("/v1/requests/{id}/package/readable", access)
                .then().statusCode(200).body(containsString("Governed Shop Co., Ltd."));
    }

    @Test
    void R11_aComplaintIsDueAnsweredWithAReasonAndNamesTheShopsChannelFirst() throws Throwable {
        publishContact();
        String subject = "cust-" + UUID.randomUUID();
        JsonPath received = given().auth().oauth2(Tokens.subject(TENANT, subject)).contentType(ContentType.JSON)
                .body(Map.of("subjectId", subject, "category", "request_handling", "jurisdiction", "VN",
                        "details", "My address is still used after I asked to erase it"))
                .post("/v1/complaints").then().statusCode(201)
                .body("status", equalTo("open")).body("filedBy", equalTo("subject"))
                .extract().jsonPath();
        String id = received.getString("id");
        Instant receivedAt = Instant.parse(received.getString("receivedAt"));
        assertTrue(Instant.parse(received.getString("dueAt")).isAfter(receivedAt.plus(Duration.ofDays(9))),
                "due within the jurisdiction's time to answer a request (Vietnam: 10 days)");
        given().auth().oauth2(Tokens.subject(TENANT, "cust-someone-else")).contentType(ContentType.JSON)
                .body(Map.of("subjectId", subject, "category", "other", "jurisdiction", "VN", "details", "x"))
                .post("/v1/complaints").then().statusCode(404);
        given().auth().oauth2(Tokens.storefront(TENANT)).contentType(ContentType.JSON)
                .body(Map.of("subjectId", subject, "category", "other", "jurisdiction", "VN", "details", "x",
                        "requestId", UUID.randomUUID().toString()))
                .post("/v1/complaints").then().statusCode(422);
        given().auth().oauth2(Tokens.storefront(TENANT)).contentType(ContentType.JSON)
                .body(Map.of("subjectId", subject, "category", "gossip", "jurisdiction", "VN", "details", "x"))
                .post("/v1/complaints").then().statusCode(400);

        // the privacy officer's queue, without the customer's words; the complaint itself, with them
        given().auth().oauth2(Tokens.dpo(TENANT)).get("/v1/complaints").then().statusCode(200)
                .body("id", hasItem(id)).body("find { it.id == '" + id + "' }.details", nullValue());
        given().auth().oauth2(Tokens.dpo(TENANT)).get("/v1/complaints/{id}", id).then().statusCode(200)
                .body("details", equalTo("My address is still used after I asked to erase it"));
        given().auth().oauth2(Tokens.dpo("shop-other")).get("/v1/complaints/{id}", id).then().statusCode(404);

        given().auth().oauth2(Tokens.dpo(TENANT)).contentType(ContentType.JSON)
                .body(Map.of("outcome", "upheld", "reason", "The carrier erased the address on 2 December."))
                .post("/v1/complaints/{id}/answer", id).then().statusCode(200)
                .body("status", equalTo("answered")).body("outcome", equalTo("upheld"))
                .body("answer", equalTo("The carrier erased the address on 2 December."))
                .body("howToComplainFurther", startsWith("First, tell Governed Shop Co., Ltd.: https://governed.example"))
                .body("howToComplainFurther", containsString("A05"));
        given().auth().oauth2(Tokens.dpo(TENANT)).contentType(ContentType.JSON)
                .body(Map.of("outcome", "rejected", "reason", "again")).post("/v1/complaints/{id}/answer", id)
                .then().statusCode(409);
        given().auth().oauth2(Tokens.subject(TENANT, subject)).get("/v1/complaints/{id}", id).then().statusCode(200)
                .body("outcome", equalTo("upheld"));
        given().auth().oauth2(Tokens.dpo(TENANT)).get("/v1/complaints").then().body("id", not(hasItem(id)));

        List<JsonNode> events = KafkaTopics.awaitEvents(Topics.DSR, e -> id.equals(e.path("data").path("complaintId").asText()),
                2, Duration.ofSeconds(10));
        assertEquals(2, events.size(), "received, then answered");
        events.forEach(e -> {
            assertEquals(List.of(), EventContract.violations(e));
            assertFalse(e.toString().contains("still used"), "no customer's words in events");
        });

        // an unanswered complaint past its date is raised once
        String late = given().auth().oauth2(Tokens.storefront(TENANT)).contentType(ContentType.JSON)
                .body(Map.of("subjectId", subject, "category", "marketing", "jurisdiction", "KR", "details", "Spam"))
                .post("/v1/complaints").then().statusCode(201).extract().path("id");
        clock.advance(Duration.ofDays(11));
        VertxContextSupport.subscribeAndAwait(() -> watch.checkOnce());
        VertxContextSupport.subscribeAndAwait(() -> watch.checkOnce());
        OutboxProbe.awaitSent(dataSource);
        assertEquals(1, KafkaTopics.eventsToEnd(Topics.DSR, e -> late.equals(e.path("data").path("complaintId").asText())
                && e.path("type").asText().endsWith(".complaint-overdue.v1")).size());
    }

    @Test
    void R12_theBreachClockCountsClockHoursAcrossAWeekend() throws Throwable {
        publishContact();
        // a Friday evening at least a week ago; the services' clock is put on the Saturday after it
        Instant friday = LocalDate.now(ZoneOffset.UTC).minusDays(8).with(TemporalAdjusters.previousOrSame(DayOfWeek.FRIDAY))
                .atTime(18, 0).toInstant(ZoneOffset.UTC);
        clock.advance(Duration.between(Instant.now(), friday.plus(Duration.ofHours(20))));

        Map<String, Object> form = Map.of("detectedAt", friday.toString(),
                "nature", "A misconfigured export left order files readable by anyone with the link",
                "categories", List.of("name", "shippingAddress", "phone"), "approxSubjects", 1200, "approxRecords", 3400,
                "consequences", "Phishing or unwanted contact", "measures", "Link revoked; customers to be told");
        given().auth().oauth2(Tokens.storefront(TENANT)).contentType(ContentType.JSON).body(form)
                .post("/v1/breaches").then().statusCode(403);
        given().auth().oauth2(Tokens.dpo(TENANT)).contentType(ContentType.JSON)
                .body(Map.of("detectedAt", friday.plus(Duration.ofDays(3)).toString(), "nature", "n", "categories",
                        List.of("name"), "approxSubjects", 1, "approxRecords", 1, "consequences", "c", "measures", "m"))
                .post("/v1/breaches").then().statusCode(422);
        JsonPath recorded = given().auth().oauth2(Tokens.dpo(TENANT)).contentType(ContentType.JSON).body(form)
                .post("/v1/breaches").then().statusCode(201).body("status", equalTo("authority_due"))
                .extract().jsonPath();
        String id = recorded.getString("id");
        assertEquals(friday.plus(Duration.ofHours(72)), Instant.parse(recorded.getString("authorityDueAt")),
                "72 clock hours: Monday 18:00, weekend included");

        clock.advance(Duration.ofHours(29)); // Sunday 19:00: 23 hours left
        VertxContextSupport.subscribeAndAwait(() -> watch.checkOnce());
        clock.advance(Duration.ofHours(24)); // Monday 19:00: an hour late
        VertxContextSupport.subscribeAndAwait(() -> watch.checkOnce());
        VertxContextSupport.subscribeAndAwait(() -> watch.checkOnce());
        given().auth().oauth2(Tokens.dpo(TENANT)).get("/v1/breaches/{id}", id).then().body("status", equalTo("overdue"));

        Instant notifiedAt = friday.plus(Duration.ofHours(73));
        given().auth().oauth2(Tokens.dpo(TENANT)).contentType(ContentType.JSON)
                .body(Map.of("notifiedAt", notifiedAt.toString(), "reference", "A05-2026-0042"))
                .post("/v1/breaches/{id}/authority-notification", id).then().statusCode(422)
                .body("type", containsString("late-reason-missing"));
        given().auth().oauth2(Tokens.dpo(TENANT)).contentType(ContentType.JSON)
                .body(Map.of("notifiedAt", notifiedAt.toString(), "reference", "A05-2026-0042",
                        "lateReason", "The scope was confirmed only on Monday afternoon"))
                .post("/v1/breaches/{id}/authority-notification", id).then().statusCode(200)
                .body("status", equalTo("authority_notified"));

        given().auth().oauth2(Tokens.dpo(TENANT)).contentType(ContentType.JSON)
                .body(Map.of("channel", "email", "sentAt", notifiedAt.toString(), "recipients", 1180))
                .post("/v1/breaches/{id}/subjects-notifications", id).then().statusCode(409);
        given().auth().oauth2(Tokens.dpo(TENANT)).contentType(ContentType.JSON)
                .body(Map.of("decision", "notify", "reason", "Phone numbers and addresses: a high risk of phishing"))
                .post("/v1/breaches/{id}/subjects-decision", id).then().statusCode(200);
        given().auth().oauth2(Tokens.dpo(TENANT)).contentType(ContentType.JSON)
                .body(Map.of("channel", "email", "sentAt", notifiedAt.toString(), "recipients", 1180))
                .post("/v1/breaches/{id}/subjects-notifications", id).then().statusCode(200)
                .body("subjectsNotifications", hasSize(1)).body("version", equalTo(4));

        given().auth().oauth2(Tokens.auditor(TENANT)).get("/v1/breaches/{id}/report", id).then().statusCode(200)
                .body("controller.controllerName", equalTo("Governed Shop Co., Ltd."))
                .body("approxSubjects", equalTo(1200)).body("lateReason", containsString("Monday"))
                .body("categories", equalTo(List.of("name", "phone", "shippingAddress")));
        given().auth().oauth2(Tokens.dpo("shop-other")).get("/v1/breaches/{id}", id).then().statusCode(404);

        List<JsonNode> events = KafkaTopics.awaitEvents(Topics.DSR, e -> id.equals(e.path("data").path("breachId").asText()),
                7, Duration.ofSeconds(10));
        List<String> types = events.stream().map(e -> e.path("type").asText()).toList();
        assertEquals(List.of("dev.consentry.dsr.breach-recorded.v1", "dev.consentry.dsr.breach-due-soon.v1",
                "dev.consentry.dsr.breach-overdue.v1", "dev.consentry.dsr.breach-changed.v1",
                "dev.consentry.dsr.breach-changed.v1", "dev.consentry.dsr.breach-changed.v1"), types,
                "each warning once, each change an event");
        events.forEach(e -> {
            assertEquals(List.of(), EventContract.violations(e));
            assertFalse(e.toString().contains("misconfigured"), "descriptions stay in the register");
        });
    }
}
