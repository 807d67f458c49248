package dev.consentry.e2e;

import dev.consentry.devstack.Database;
import dev.consentry.devstack.LocalPlatform;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Two replicas of every service against the same PostgreSQL and Kafka, as the chart runs them: a withdrawal through
 * one replica is denied by the other's very next lookup, and relays, schedules and consumers — now two of each —
 * cause every effect once.
 */
class TwoReplicasEndToEndTest {

    private static final int SUBJECTS = 16;
    private static final Map<String, Integer> SECOND = Map.of("consent-service", 18091, "dsr-service", 18092,
            "audit-service", 18093);
    private static LocalPlatform platform;
    private static Map<String, String> tokens;

    @BeforeAll
    static void startReplicas() throws Exception {
        platform = SharedPlatform.get();
        tokens = platform.demoTokens();
        platform.startReplicas(SECOND);
    }

    @AfterAll
    static void stopReplicas() {
        platform.stopReplicas();
    }

    private static String first(String service, String path) {
        return SharedPlatform.url(service, path);
    }

    private static String second(String service, String path) {
        return "http://localhost:" + SECOND.get(service) + path;
    }

    private static void consent(String url, String subject, String decision) {
        consent(tokens.get("STOREFRONT_TOKEN"), url, subject, decision);
    }

    private static void consent(String storefront, String url, String subject, String decision) {
        given().auth().oauth2(storefront).contentType(ContentType.JSON)
                .body(Map.of("subjectId", subject, "decisions", List.of(Map.of("purposeId", "marketing-email",
                                "decision", decision)), "method", "checkbox", "channel", "web",
                        "collectionPoint", "account-settings", "noticeVersion", "2026-01", "language", "en"))
                .post(url).then().statusCode(201);
    }

    @Test
    void C3_aWithdrawalThroughOneReplicaIsDeniedByTheOthersVeryNextLookup() {
        String subject = "replica-" + UUID.randomUUID();
        for (int round = 0; round < 6; round++) {
            boolean forward = round % 2 == 0;
            String writer = forward ? first("consent-service", "/v1/consents") : second("consent-service", "/v1/consents");
            String reader = (forward ? second("consent-service", "") : first("consent-service", ""))
                    + "/v1/subjects/" + subject + "/decisions/marketing-email";
            consent(writer, subject, "given");
            given().auth().oauth2(tokens.get("STOREFRONT_TOKEN")).get(reader).then().statusCode(200)
                    .body("decision", equalTo("allow"));
            given().auth().oauth2(tokens.get("STOREFRONT_TOKEN")).contentType(ContentType.JSON)
                    .body(Map.of("purposes", List.of("marketing-email"), "channel", "web", "method", "checkbox",
                            "collectionPoint", "account-settings"))
                    .post(writer.replace("/v1/consents", "/v1/subjects/" + subject + "/withdrawals")).then().statusCode(201);
            given().auth().oauth2(tokens.get("STOREFRONT_TOKEN")).get(reader).then().statusCode(200)
                    .body("decision", equalTo("deny"));
        }
    }

    @Test
    void ops_twoRelaysSchedulesAndConsumersOfEachServiceCauseEveryEffectOnce() throws Exception {
        // a shop of its own, so that its retention rule meets only this test's customers
        String run = UUID.randomUUID().toString().substring(0, 8);
        String shop = "replicas-" + run;
        String storefront = platform.token(shop, "storefront-" + shop, "storefront");
        String dpo = platform.token(shop, "dpo-" + shop, "dpo");
        given().auth().oauth2(dpo).contentType(ContentType.JSON)
                .body(Map.of("id", "marketing-email", "legalBasis", "consent", "optional", true,
                        "names", Map.of("en", "E-mail marketing")))
                .post(first("consent-service", "/v1/purposes")).then().statusCode(201);
        given().auth().oauth2(dpo).contentType(ContentType.JSON)
                .body(Map.of("partnerId", LocalPlatform.DEMO_RECIPIENT, "name", "Swift Shipping", "kind", "shipping_carrier",
                        "dataCategories", List.of("shippingAddress")))
                .post(second("dsr-service", "/v1/recipients")).then().statusCode(201);
        String prefix = shop + "-cust-";
        Instant longAgo = Instant.now().minus(Duration.ofDays(400));
        for (int i = 0; i < SUBJECTS; i++) {
            String subject = prefix + i;
            // consents through both consent-service replicas, lifecycle signals through both dsr-service replicas
            consent(storefront, (i % 2 == 0 ? first("consent-service", "") : second("consent-service", ""))
                    + "/v1/consents", subject, "given");
            given().auth().oauth2(storefront).contentType(ContentType.JSON)
                    .body(Map.of("event", "order_completed", "at", longAgo.toString()))
                    .post((i % 2 == 0 ? second("dsr-service", "") : first("dsr-service", ""))
                            + "/v1/subjects/" + subject + "/lifecycle/events").then().statusCode(200);
        }
        // both dsr-service replicas run the retention schedule every second: one step and one notice per subject
        String rule = "replicas-" + run;
        given().auth().oauth2(dpo).contentType(ContentType.JSON)
                .body(Map.of("categories", List.of("shippingAddress"), "legalBasis", "Delivery disputes, one year",
                        "period", "P1Y", "trigger", "order_completed", "action", "erase"))
                .put(second("dsr-service", "/v1/retention/rules/" + rule)).then().statusCode(200);

        Database dsr = platform.database("consentry_dsr");
        try (Connection c = DriverManager.getConnection(dsr.jdbcUrl(), dsr.user(), dsr.password())) {
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> assertEquals(
                    SUBJECTS, count(c, "SELECT count(*) FROM retention_action WHERE rule_id = ? "
                            + "AND outcome = 'notices_sent'", rule), () -> outcomes(c, rule)));
            assertEquals(SUBJECTS, count(c, "SELECT count(*) FROM retention_action WHERE rule_id = ?",
                    rule), "one step per subject, whichever replica took it");
            assertEquals(SUBJECTS, count(c, """
                    SELECT count(*) FROM dsr_request r JOIN retention_action a ON a.request_id = r.id
                    WHERE a.rule_id = ? AND r.type = 'erasure'""", rule), "one erasure request per step");
        }
        Map<String, Set<String>> notices = CarrierTopic.erasureNotices(platform, prefix, SUBJECTS, Duration.ofSeconds(90));
        assertEquals(SUBJECTS, notices.size(), "every subject's notice reached the carrier");
        notices.forEach((subject, ids) -> assertEquals(1, ids.size(), "one notice for " + subject));

        // two audit-service replicas split the consent topic's partitions: each subject's consent is logged once
        for (int i = 0; i < SUBJECTS; i++) {
            String subject = prefix + i;
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
                List<String> logged = given().auth().oauth2(platform.token(shop, "auditor-" + shop, "auditor"))
                        .queryParam("type", "dev.consentry.consent.given.v1")
                        .get(second("audit-service", "/v1/audit/subjects/" + subject + "/entries"))
                        .then().statusCode(200).extract().jsonPath().getList("entries.eventId");
                assertEquals(1, logged.size(), subject + ": " + logged);
            });
        }
        given().auth().oauth2(platform.token(shop, "auditor-" + shop, "auditor"))
                .get(second("audit-service", "/v1/audit/verification"))
                .then().statusCode(200).body("valid", equalTo(true));
    }

    /** The steps' outcomes so far, for a failure message. */
    private static String outcomes(Connection c, String rule) {
        try (PreparedStatement q = c.prepareStatement(
                "SELECT outcome, count(*) FROM retention_action WHERE rule_id = ? GROUP BY outcome")) {
            q.setString(1, rule);
            ResultSet rs = q.executeQuery();
            StringBuilder out = new StringBuilder("steps by outcome:");
            while (rs.next()) {
                out.append(' ').append(rs.getString(1)).append('=').append(rs.getLong(2));
            }
            return out.toString();
        } catch (Exception e) {
            return e.toString();
        }
    }

    private static long count(Connection c, String sql, String parameter) throws Exception {
        try (PreparedStatement q = c.prepareStatement(sql)) {
            if (parameter != null) {
                q.setString(1, parameter);
            }
            ResultSet rs = q.executeQuery();
            rs.next();
            return rs.getLong(1);
        }
    }
}
