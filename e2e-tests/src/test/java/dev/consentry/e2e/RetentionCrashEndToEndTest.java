package dev.consentry.e2e;

import dev.consentry.devstack.Database;
import dev.consentry.devstack.LocalPlatform;
import io.restassured.http.ContentType;
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
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * R9's restartable schedule, with dsr-service as a separate process killed (kill -9) in the middle of a round: every
 * subject whose retention period passed gets exactly one erasure step and one erasure notice, none is skipped, none
 * is repeated, once the service is back.
 */
class RetentionCrashEndToEndTest {

    private static final int SUBJECTS = 300;
    private static LocalPlatform platform;
    private static Map<String, String> tokens;

    @BeforeAll
    static void startPlatform() throws Exception {
        platform = SharedPlatform.get();
        tokens = platform.demoTokens();
    }

    @Test
    void R9_aScheduleKilledBetweenStepsResumesWithoutRepeatingOrSkipping() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String rule = "crash-" + run;
        Instant longAgo = Instant.now().minus(Duration.ofDays(400));
        for (int i = 0; i < SUBJECTS; i++) {
            given().auth().oauth2(tokens.get("STOREFRONT_TOKEN")).contentType(ContentType.JSON)
                    .body(Map.of("event", "order_completed", "at", longAgo.toString()))
                    .post(SharedPlatform.url("dsr-service", "/v1/subjects/{id}/lifecycle/events"), "crash-" + run + "-" + i)
                    .then().statusCode(200);
        }
        // the demo carrier holds shipping addresses; a year after an order they go
        given().auth().oauth2(tokens.get("DPO_TOKEN")).contentType(ContentType.JSON)
                .body(Map.of("categories", List.of("shippingAddress"), "legalBasis", "Delivery disputes, one year",
                        "period", "P1Y", "trigger", "order_completed", "action", "erase"))
                .put(SharedPlatform.url("dsr-service", "/v1/retention/rules/" + rule)).then().statusCode(200);

        try (Connection c = dsr()) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> steps(c, rule) >= 20);
            long beforeKill = steps(c, rule);
            platform.killAndRestart("dsr-service");
            assertTrue(beforeKill < SUBJECTS - 20, "killed mid-round (" + beforeKill + " of " + SUBJECTS + " taken)");
        }
        try (Connection c = dsr()) {
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                    .until(() -> steps(c, rule) == SUBJECTS);
            try (PreparedStatement q = c.prepareStatement("""
                    SELECT count(*), count(DISTINCT a.subject_key), count(DISTINCT a.request_id),
                           count(*) FILTER (WHERE a.outcome = 'notices_sent')
                    FROM retention_action a WHERE a.tenant = 'shop-a' AND a.rule_id = ?""")) {
                q.setString(1, rule);
                ResultSet rs = q.executeQuery();
                rs.next();
                assertEquals(SUBJECTS, rs.getLong(1), "one step per subject");
                assertEquals(SUBJECTS, rs.getLong(2), "no subject skipped");
                assertEquals(SUBJECTS, rs.getLong(3), "one request per step");
                assertEquals(SUBJECTS, rs.getLong(4), "every step sent its notices");
            }
            try (PreparedStatement q = c.prepareStatement("""
                    SELECT count(*) FROM dsr_request r JOIN retention_action a ON a.request_id = r.id
                    WHERE a.rule_id = ? AND r.type = 'erasure' AND r.fields = '{shippingAddress}'""")) {
                q.setString(1, rule);
                ResultSet rs = q.executeQuery();
                rs.next();
                assertEquals(SUBJECTS, rs.getLong(1), "no request lost or doubled");
            }
        }

        // on the carrier's topic: one erasure notice per subject (the relay may deliver a notice twice after a crash;
        // a notice id is never repeated by a second step)
        Map<String, Set<String>> noticesBySubject = CarrierTopic.erasureNotices(platform, "crash-" + run + "-", SUBJECTS, Duration.ofSeconds(90));
        assertEquals(SUBJECTS, noticesBySubject.size(), "every subject's notice arrived");
        noticesBySubject.forEach((subject, ids) -> assertEquals(1, ids.size(), "one notice for " + subject));
    }

    private static long steps(Connection c, String rule) throws Exception {
        try (PreparedStatement q = c.prepareStatement(
                "SELECT count(*) FROM retention_action WHERE tenant = 'shop-a' AND rule_id = ?")) {
            q.setString(1, rule);
            ResultSet rs = q.executeQuery();
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Connection dsr() throws Exception {
        Database db = platform.database("consentry_dsr");
        return DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
    }
}
