package dev.consentry.dsr.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.consentry.dsr.Fixtures;
import dev.consentry.dsr.MovableClock;
import dev.consentry.dsr.service.retention.RetentionSchedule;
import dev.consentry.events.EventContract;
import dev.consentry.events.Topics;
import dev.consentry.platform.subject.SubjectKeys;
import dev.consentry.platform.vault.SubjectVault;
import dev.consentry.testkit.KafkaTopics;
import dev.consentry.testkit.OutboxProbe;
import dev.consentry.testkit.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * R9 and R10 over the real database and broker, with the services' clock moved ahead instead of sleeping: a retention
 * rule fires once at its date and reaches only the systems holding its category; a one-year legal hold ends in the
 * erasure of what it kept; a dormant account is told, separated and erased, and a login ends the chain.
 */
@QuarkusTest
class RetentionScheduleTest {

    @Inject
    RetentionSchedule schedule;

    @Inject
    MovableClock clock;

    @Inject
    MockMailbox mailbox;

    @Inject
    SubjectVault vault;

    @Inject
    SubjectKeys subjectKeys;

    @Inject
    AgroalDataSource dataSource;

    @AfterEach
    void backToToday() {
        clock.reset();
    }

    /** Whether the vault holds a key under {@code key} for the tenant (a subject's, or an erasure's hold key). */
    private boolean hasKey(String tenant, String key) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> vault.existing(tenant, key)))
                    .isPresent();
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private void run() throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> schedule.runOnce());
    }

    private static void signal(String tenant, String subject, String event) {
        given().auth().oauth2(Tokens.storefront(tenant)).contentType(ContentType.JSON)
                .body(Map.of("event", event)).post("/v1/subjects/{id}/lifecycle/events", subject)
                .then().statusCode(200);
    }

    /** The notices on {@code partner}'s topic about {@code subject} so far: all this service committed is on Kafka. */
    private List<JsonNode> notices(String partner, String subject) {
        OutboxProbe.awaitSent(dataSource);
        return KafkaTopics.eventsToEnd(Topics.partnerNotices(partner),
                e -> subject.equals(e.path("data").path("subjectId").asText()));
    }

    /** The retention steps of {@code kind} about the subject announced so far. */
    private List<JsonNode> retentionActions(String subjectKey, String kind) {
        OutboxProbe.awaitSent(dataSource);
        return KafkaTopics.eventsToEnd(Topics.DSR, e -> subjectKey.equals(e.path("subjectkey").asText())
                && e.path("type").asText().equals("dev.consentry.dsr.retention-action.v1")
                && kind.equals(e.path("data").path("kind").asText()));
    }

    @Test
    void R9_aRuleFiresOnceAtItsDateAndReachesOnlyTheSystemsHoldingTheCategory() throws Throwable {
        String tenant = "shop-retain";
        String subject = "cust-" + UUID.randomUUID();
        Fixtures.recipient(tenant, "ret-orders-db", "orderHistory", "name");
        Fixtures.recipient(tenant, "ret-bi", "orderHistory");
        Fixtures.recipient(tenant, "ret-crm", "name", "email");
        given().auth().oauth2(Tokens.dpo(tenant)).contentType(ContentType.JSON)
                .body(Map.of("categories", List.of("orderHistory"), "legalBasis", "Kept to settle disputes about an order",
                        "period", "P1Y", "trigger", "order_completed", "action", "erase"))
                .put("/v1/retention/rules/order-history").then().statusCode(200)
                .body("trigger", equalTo("order_completed"));
        signal(tenant, subject, "order_completed");
        String subjectKey = subjectKeys.of(tenant, subject);

        // the dry run says what would happen a year and a day from now, and who holds the category
        given().auth().oauth2(Tokens.dpo(tenant)).queryParam("at", clock.instant().plus(Duration.ofDays(366)).toString())
                .get("/v1/retention/due").then().statusCode(200)
                .body("summary.find { it.ruleId == 'order-history' }.subjects", equalTo(1))
                .body("summary.find { it.ruleId == 'order-history' }.systems", equalTo(List.of("ret-bi", "ret-orders-db")))
                .body("steps.subjectKey", hasItem(subjectKey));

        clock.advance(Duration.ofDays(364));
        run();
        assertEquals(0, notices("ret-orders-db", subject).size(), "not before its date");

        clock.advance(Duration.ofDays(2));
        run();
        run();
        List<JsonNode> orders = notices("ret-orders-db", subject);
        assertEquals(1, orders.size(), "exactly once");
        assertEquals(List.of(), EventContract.violations(orders.get(0)));
        JsonNode data = orders.get(0).path("data");
        assertEquals("[\"orderHistory\"]", data.path("erase").toString(), "only the rule's category, not name");
        assertEquals("erase", data.path("method").asText());
        assertEquals(1, notices("ret-bi", subject).size());
        assertEquals(0, notices("ret-crm", subject).size(), "crm holds no order history");

        List<JsonNode> actions = retentionActions(subjectKey, "rule_erasure");
        assertEquals(1, actions.size(), "one audit event for the step");
        assertEquals(List.of(), EventContract.violations(actions.get(0)));
        assertEquals("notices_sent", actions.get(0).path("data").path("outcome").asText());
        String requestId = actions.get(0).path("data").path("requestId").asText();
        given().auth().oauth2(Tokens.dpo(tenant)).get("/v1/requests/{id}", requestId).then().statusCode(200)
                .body("type", equalTo("erasure")).body("fields", equalTo(List.of("orderHistory")))
                .body("verification.method", equalTo("retention_schedule"));

        // once the systems confirm, the request completes; the customer (and their key) remain
        Fixtures.reply(tenant, data.path("noticeId").asText(), "ret-orders-db", "completed");
        Fixtures.reply(tenant, notices("ret-bi", subject).get(0).path("data").path("noticeId")
                .asText(), "ret-bi", "completed");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(Tokens.dpo(tenant))
                .get("/v1/requests/{id}", requestId).then().body("status", equalTo("completed")));
        given().auth().oauth2(Tokens.storefront(tenant)).get("/v1/subjects/{id}/lifecycle", subject).then().statusCode(200);
        assertTrue(hasKey(tenant, subjectKey), "an erasure of one category keeps the subject's key");
        given().auth().oauth2(Tokens.dpo(tenant)).queryParam("at", clock.instant().toString())
                .get("/v1/retention/due").then().body("summary.find { it.ruleId == 'order-history' }.subjects", equalTo(0));
    }

    @Test
    void R9_aOneYearFraudHoldEndsInTheErasureOfWhatItKept() throws Throwable {
        String tenant = "shop-fraud-hold";
        String subject = "cust-" + UUID.randomUUID();
        Fixtures.recipient(tenant, "hold-fraud-desk", "fraudRecords");
        Fixtures.recipient(tenant, "hold-crm", "name", "email");
        given().auth().oauth2(Tokens.dpo(tenant)).contentType(ContentType.JSON)
                .body(Map.of("category", "fraudRecords", "reason", "Records of misuse, kept 1 year after leaving membership",
                        "retain", "P1Y"))
                .put("/v1/legal-holds").then().statusCode(200);
        JsonPath filed = given().auth().oauth2(Tokens.storefront(tenant)).contentType(ContentType.JSON)
                .body(Map.of("type", "erasure", "subjectId", subject, "jurisdiction", "KR"))
                .post("/v1/requests").then().statusCode(201).body("retained", hasSize(1)).extract().jsonPath();
        String requestId = filed.getString("id");
        JsonNode restricted = KafkaTopics.awaitEvents(Topics.partnerNotices("hold-fraud-desk"),
                e -> subject.equals(e.path("data").path("subjectId").asText()), 1).get(0).path("data");
        assertEquals("fraudRecords", restricted.path("restrict").path(0).path("category").asText());
        Fixtures.reply(tenant, restricted.path("noticeId").asText(), "hold-fraud-desk", "completed");
        Fixtures.reply(tenant, filed.getString("notices.find { it.recipientId == 'hold-crm' }.noticeId"), "hold-crm",
                "completed");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(Tokens.dpo(tenant))
                .get("/v1/requests/{id}", requestId).then().body("status", equalTo("completed")));
        String subjectKey = subjectKeys.of(tenant, subject);
        assertTrue(!hasKey(tenant, subjectKey), "the erasure destroyed the subject's key");

        clock.advance(Duration.ofDays(367));
        run();
        run();

        List<JsonNode> ended = notices("hold-fraud-desk", subject);
        assertEquals(2, ended.size(), "the restriction, then one erasure at the hold's end");
        JsonNode erasure = ended.get(1).path("data");
        assertEquals(List.of(), EventContract.violations(ended.get(1)));
        assertEquals("[\"fraudRecords\"]", erasure.path("erase").toString());
        assertEquals(0, erasure.path("restrict").size());
        assertEquals(1, notices("hold-crm", subject).size(), "crm kept nothing");
        given().auth().oauth2(Tokens.dpo(tenant)).get("/v1/requests/{id}", requestId).then().statusCode(200)
                .body("holdsEnded", hasSize(1))
                .body("holdsEnded[0].category", equalTo("fraudRecords"))
                .body("holdsEnded[0].outcome", equalTo("notices_sent"))
                .body("holdsEnded[0].erasureRequestId", equalTo(erasure.path("requestId").asText()));
        assertTrue(!hasKey(tenant, "hold:" + requestId), "the hold's own key is destroyed with its last hold");
        given().auth().oauth2(Tokens.storefront(tenant)).queryParam("subjectId", subject).get("/v1/restrictions")
                .then().statusCode(200).body("restricted.reason", not(hasItem("legal_hold")));
    }

    private void dormancyPolicy(String tenant) {
        given().auth().oauth2(Tokens.dpo(tenant)).contentType(ContentType.JSON)
                .body(Map.of("enabled", true, "inactiveFor", "P180D", "noticeBefore", "P30D", "eraseAfter", "P1Y"))
                .put("/v1/settings/dormancy").then().statusCode(200).body("enabled", equalTo(true));
    }

    /** A customer with a registered Korean contact, who logs in now; returns the e-mail address. */
    private static String customer(String tenant, String subject) {
        String email = subject + "@example.com";
        given().auth().oauth2(Tokens.storefront(tenant)).contentType(ContentType.JSON)
                .body(Map.of("email", email, "language", "ko-KR"))
                .put("/v1/subjects/{id}/contact", subject).then().statusCode(204);
        signal(tenant, subject, "login");
        return email;
    }

    private static void stage(String tenant, String subject, String expected) {
        given().auth().oauth2(Tokens.storefront(tenant)).get("/v1/subjects/{id}/lifecycle", subject)
                .then().statusCode(200).body("dormancy", equalTo(expected));
    }

    /** Told ahead, then separated: the account is restricted and every system got a restriction notice. */
    private List<JsonNode> toldThenSeparated(String tenant, String subject, String email) throws Throwable {
        clock.advance(Duration.ofDays(149));
        run();
        stage(tenant, subject, "active");
        assertEquals(0, mailbox.getMailsSentTo(email).size());

        clock.advance(Duration.ofDays(2));
        run();
        stage(tenant, subject, "notified");
        List<Mail> mails = mailbox.getMailsSentTo(email);
        assertEquals(1, mails.size(), "the advance notice, once");
        assertEquals("휴면 계정 전환 안내", mails.get(0).getSubject(), "in the customer's language");
        assertTrue(mails.get(0).getText().contains(tenant));
        String subjectKey = subjectKeys.of(tenant, subject);
        assertEquals(1, retentionActions(subjectKey, "dormancy_notice").size());

        clock.advance(Duration.ofDays(29));
        run();
        stage(tenant, subject, "notified");
        clock.advance(Duration.ofDays(2));
        run();
        stage(tenant, subject, "separated");
        given().auth().oauth2(Tokens.storefront(tenant)).queryParam("subjectId", subject).get("/v1/restrictions")
                .then().statusCode(200).body("restricted.reason", hasItem("dormant_account"));
        List<JsonNode> separated = List.of(notices("dorm-crm", subject).get(0),
                notices("dorm-carrier", subject).get(0));
        separated.forEach(n -> assertEquals("dev.consentry.partner.restriction.v1", n.path("type").asText()));
        assertEquals(1, mailbox.getMailsSentTo(email).size(), "still one e-mail");
        return separated;
    }

    @Test
    void R10_aDormantAccountIsToldThenSeparatedThenErased() throws Throwable {
        String tenant = "shop-dormant";
        String subject = "cust-" + UUID.randomUUID();
        Fixtures.recipient(tenant, "dorm-crm", "name", "email");
        Fixtures.recipient(tenant, "dorm-carrier", "shippingAddress");
        dormancyPolicy(tenant);
        String email = customer(tenant, subject);
        List<JsonNode> separated = toldThenSeparated(tenant, subject, email);
        separated.forEach(n -> Fixtures.reply(tenant, n.path("data").path("noticeId").asText(),
                n.path("data").path("recipientId").asText(), "completed"));

        clock.advance(Duration.ofDays(364));
        run();
        assertEquals(1, notices("dorm-crm", subject).size(), "not erased before a year");
        clock.advance(Duration.ofDays(2));
        run();
        stage(tenant, subject, "erasing");
        JsonNode crm = notices("dorm-crm", subject).get(1);
        assertEquals("dev.consentry.partner.erasure.v1", crm.path("type").asText());
        assertEquals("[\"email\",\"name\"]", crm.path("data").path("erase").toString());
        JsonNode carrier = notices("dorm-carrier", subject).get(1);
        Fixtures.reply(tenant, crm.path("data").path("noticeId").asText(), "dorm-crm", "completed");
        Fixtures.reply(tenant, carrier.path("data").path("noticeId").asText(), "dorm-carrier", "completed");
        String subjectKey = subjectKeys.of(tenant, subject);
        await().atMost(Duration.ofSeconds(20)).until(() -> !hasKey(tenant, subjectKey));
        given().auth().oauth2(Tokens.storefront(tenant)).get("/v1/subjects/{id}/lifecycle", subject).then().statusCode(404);
        given().auth().oauth2(Tokens.storefront(tenant)).contentType(ContentType.JSON).body(Map.of("event", "login"))
                .post("/v1/subjects/{id}/lifecycle/events", subject).then().statusCode(409);
    }

    @Test
    void R10_aLoginBeforeTheErasureEndsTheChainAndLiftsTheSeparation() throws Throwable {
        String tenant = "shop-dormant-back";
        String subject = "cust-" + UUID.randomUUID();
        Fixtures.recipient(tenant, "dorm-crm", "name", "email");
        Fixtures.recipient(tenant, "dorm-carrier", "shippingAddress");
        dormancyPolicy(tenant);
        String email = customer(tenant, subject);
        toldThenSeparated(tenant, subject, email);

        signal(tenant, subject, "login");
        given().auth().oauth2(Tokens.storefront(tenant)).get("/v1/subjects/{id}/lifecycle", subject)
                .then().statusCode(200).body("dormancy", equalTo("active"))
                .body("dormancyCancelledAt", org.hamcrest.Matchers.notNullValue());
        given().auth().oauth2(Tokens.storefront(tenant)).queryParam("subjectId", subject).get("/v1/restrictions")
                .then().statusCode(200).body("restricted.reason", not(hasItem("dormant_account")));
        String subjectKey = subjectKeys.of(tenant, subject);
        assertEquals(1, retentionActions(subjectKey, "dormancy_cancelled").size());

        // a year and more later the old chain's erasure never comes (the new chain starts over with a notice)
        clock.advance(Duration.ofDays(400));
        run();
        assertEquals(0, retentionActions(subjectKey, "dormancy_erasure").size());
        assertEquals(1, notices("dorm-crm", subject).size(), "only the old separation");
        assertTrue(hasKey(tenant, subjectKey), "the customer came back: nothing was erased");
    }

    @Test
    void R9_rulesPresetsAndSignalsRefuseWhatTheyCannotKeep() {
        String tenant = "shop-rules";
        given().auth().oauth2(Tokens.dpo(tenant)).contentType(ContentType.JSON)
                .body(Map.of("categories", List.of("x"), "legalBasis", "y", "period", "forever",
                        "trigger", "account_closed", "action", "erase"))
                .put("/v1/retention/rules/bad").then().statusCode(400);
        given().auth().oauth2(Tokens.dpo(tenant)).contentType(ContentType.JSON)
                .body(Map.of("categories", List.of("profile"), "legalBasis", "y", "period", "P30D",
                        "trigger", "consent_withdrawn", "action", "erase"))
                .put("/v1/retention/rules/no-purpose").then().statusCode(422)
                .body("type", org.hamcrest.Matchers.endsWith("purpose-missing"));
        given().auth().oauth2(Tokens.storefront(tenant)).contentType(ContentType.JSON)
                .body(Map.of("categories", List.of("x"), "legalBasis", "y", "period", "P1Y",
                        "trigger", "account_closed", "action", "erase"))
                .put("/v1/retention/rules/theirs").then().statusCode(403);

        given().auth().oauth2(Tokens.dpo(tenant)).put("/v1/retention/presets/kr-ecommerce").then().statusCode(200)
                .body("enabled", equalTo(true));
        given().auth().oauth2(Tokens.dpo(tenant)).get("/v1/retention/rules").then().statusCode(200)
                .body("find { it.id == 'kr-contract-records' }.period", equalTo("P5Y"))
                .body("find { it.id == 'kr-advertising-records' }.period", equalTo("P6M"))
                .body("findAll { it.preset == 'kr-ecommerce' }", hasSize(4));
        given().auth().oauth2(Tokens.auditor("shop-other")).get("/v1/retention/rules").then().statusCode(200)
                .body("$", hasSize(0));
        given().auth().oauth2(Tokens.dpo(tenant)).delete("/v1/retention/presets/kr-ecommerce").then().statusCode(204);
        given().auth().oauth2(Tokens.dpo(tenant)).get("/v1/retention/rules").then().body("$", hasSize(0));
        given().auth().oauth2(Tokens.dpo(tenant)).put("/v1/retention/presets/forever").then().statusCode(404);
        given().auth().oauth2(Tokens.dpo(tenant)).delete("/v1/retention/rules/none").then().statusCode(404);

        given().auth().oauth2(Tokens.storefront(tenant)).contentType(ContentType.JSON)
                .body(Map.of("event", "login", "at", Instant.now().plus(Duration.ofDays(1)).toString()))
                .post("/v1/subjects/{id}/lifecycle/events", "cust-1").then().statusCode(422);
        given().auth().oauth2(Tokens.storefront(tenant)).contentType(ContentType.JSON).body(Map.of("event", "purchase"))
                .post("/v1/subjects/{id}/lifecycle/events", "cust-1").then().statusCode(400);
        given().auth().oauth2(Tokens.dpo(tenant)).contentType(ContentType.JSON).body(Map.of("event", "login"))
                .post("/v1/subjects/{id}/lifecycle/events", "cust-1").then().statusCode(403);
        given().auth().oauth2(Tokens.dpo(tenant)).queryParam("at", "soon").get("/v1/retention/due").then().statusCode(400);
        given().auth().oauth2(Tokens.dpo(tenant)).contentType(ContentType.JSON)
                .body(Map.of("enabled", true, "inactiveFor", "P30D", "noticeBefore", "P60D", "eraseAfter", "P1Y"))
                .put("/v1/settings/dormancy").then().statusCode(422);
        given().auth().oauth2(Tokens.dpo(tenant)).get("/v1/settings/dormancy").then().statusCode(200)
                .body("enabled", equalTo(false)).body("inactiveFor", equalTo("P180D"));
    }
}
