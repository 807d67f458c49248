package dev.consentry.dsr.messaging;

import dev.consentry.events.CloudEvent;
import dev.consentry.events.EventContract;
import dev.consentry.events.EventTypes;
import dev.consentry.events.Topics;
import dev.consentry.events.data.ConsentDecisionData;
import dev.consentry.platform.subject.SubjectKeys;
import dev.consentry.testkit.KafkaTopics;
import dev.consentry.testkit.Tokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * C6, R14: the decisions consent-service announces are kept as they were made in time, whatever order and batches they
 * arrive in: every decision in the subject's history, the latest in time as the decision in force.
 */
@QuarkusTest
class ConsentDecisionsKeptTest {

    private static final String TENANT = "shop-decisions";

    @Inject
    SubjectKeys subjectKeys;

    @Inject
    AgroalDataSource dataSource;

    private void decision(String subject, String type, String decision, Instant decidedAt) throws Exception {
        CloudEvent event = new CloudEvent(CloudEvent.SPEC_VERSION, UUID.randomUUID().toString(),
                "/consentry/consent-service", type, Instant.now(), CloudEvent.JSON, TENANT,
                subjectKeys.of(TENANT, subject), EventContract.mapper().valueToTree(new ConsentDecisionData(
                UUID.randomUUID().toString(), "newsletter", decision, decidedAt, "banner", "web", "checkout", "3",
                "subject")));
        KafkaTopics.sendEvent(Topics.CONSENT, event.recordKey(), EventContract.mapper().writeValueAsString(event));
    }

    private List<String> rows(String sql, String subject) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, TENANT);
            st.setString(2, subjectKeys.of(TENANT, subject));
            List<String> found = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString(1));
                }
            }
            return found;
        }
    }

    private List<String> history(String subject) throws Exception {
        return rows("SELECT decision FROM subject_consent_event WHERE tenant = ? AND subject_key = ? ORDER BY decided_at",
                subject);
    }

    private List<String> inForce(String subject) throws Exception {
        return rows("""
                SELECT DISTINCT ON (purpose_id) decision FROM subject_consent_event WHERE tenant = ? AND subject_key = ?
                ORDER BY purpose_id, decided_at DESC""", subject);
    }

    @Test
    void C6_theDecisionInForceIsTheLatestInTimeWhateverOrderTheDecisionsArriveIn() throws Exception {
        String subject = "cust-" + UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        decision(subject, EventTypes.CONSENT_GIVEN, "given", now.minus(Duration.ofHours(2)));
        decision(subject, EventTypes.CONSENT_REFUSED, "refused", now.minus(Duration.ofHours(3))); // older, arrives late
        decision(subject, EventTypes.CONSENT_GIVEN, "given", now.minus(Duration.ofHours(2))); // the same one again
        await().atMost(Duration.ofSeconds(20)).until(() -> history(subject).size() == 2);
        assertEquals(List.of("refused", "given"), history(subject), "each decision once, in the order they were made");
        assertEquals(List.of("given"), inForce(subject), "a late older decision does not replace a newer one");

        decision(subject, EventTypes.CONSENT_REFUSED, "refused", now.minus(Duration.ofHours(1)));
        decision(subject, EventTypes.CONSENT_EXPIRED, "expired", now.minus(Duration.ofMinutes(30)));
        await().atMost(Duration.ofSeconds(20)).until(() -> history(subject).size() == 4);
        assertEquals(List.of("refused", "given", "refused", "expired"), history(subject));
        assertEquals(List.of("expired"), inForce(subject), "the latest in time is in force");
    }

    /**
     * R9: a rule triggered by a consent decision counts from the decision in force — the latest in time of the
     * purpose's decisions — and only once its period has passed.
     */
    @Test
    void R9_aConsentRuleIsDueForSubjectsWhoseDecisionInForceMatchedForItsWholePeriod() throws Exception {
        given().auth().oauth2(Tokens.dpo(TENANT)).contentType(ContentType.JSON)
                .body(Map.of("categories", List.of("newsletterProfile"), "legalBasis", "consent (Art. 6(1)(a))",
                        "period", "P30D", "trigger", "consent_withdrawn", "purpose", "newsletter", "action", "erase"))
                .put("/v1/retention/rules/newsletter-after-withdrawal").then().statusCode(200);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String withdrawnLongAgo = "cust-" + UUID.randomUUID();
        decision(withdrawnLongAgo, EventTypes.CONSENT_GIVEN, "given", now.minus(Duration.ofDays(60)));
        decision(withdrawnLongAgo, EventTypes.CONSENT_WITHDRAWN, "withdrawn", now.minus(Duration.ofDays(40)));
        String cameBack = "cust-" + UUID.randomUUID();
        decision(cameBack, EventTypes.CONSENT_WITHDRAWN, "withdrawn", now.minus(Duration.ofDays(40)));
        decision(cameBack, EventTypes.CONSENT_GIVEN, "given", now.minus(Duration.ofDays(10)));
        String withdrawnLately = "cust-" + UUID.randomUUID();
        decision(withdrawnLately, EventTypes.CONSENT_WITHDRAWN, "withdrawn", now.minus(Duration.ofDays(10)));
        await().atMost(Duration.ofSeconds(20)).until(() -> history(withdrawnLongAgo).size() == 2
                && history(cameBack).size() == 2 && history(withdrawnLately).size() == 1);

        JsonPath due = given().auth().oauth2(Tokens.dpo(TENANT)).queryParam("limit", 500).get("/v1/retention/due")
                .then().statusCode(200).extract().jsonPath();
        List<String> subjects = due.getList("steps.findAll { it.ruleId == 'newsletter-after-withdrawal' }.subjectKey");
        assertEquals(List.of(subjectKeys.of(TENANT, withdrawnLongAgo)), subjects);
        assertEquals(now.minus(Duration.ofDays(40)), Instant.parse(due.getString(
                "steps.find { it.ruleId == 'newsletter-after-withdrawal' }.startedAt")), "counted from the withdrawal");
    }
}
