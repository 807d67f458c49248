package dev.consentry.consent.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.consentry.consent.Fixtures;
import dev.consentry.events.EventContract;
import dev.consentry.events.Topics;
import dev.consentry.platform.subject.SubjectKeys;
import dev.consentry.testkit.KafkaTopics;
import dev.consentry.testkit.Tokens;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** C10: a consent that outlives its validity is denied, and its expiry becomes a record and an event. */
@QuarkusTest
class ConsentExpiryTest {

    @Inject
    ConsentExpiry expiry;

    @Inject
    ConsentLedger ledger;

    @Inject
    SubjectKeys subjectKeys;

    private final String subject = "cust-" + UUID.randomUUID();

    @BeforeEach
    void purposeValidForOneDay() {
        Fixtures.purpose("shop-a", "newsletter-1d", "consent", Map.of("validity", "P1D"));
    }

    @Test
    void C10_expiryIsAnEventAndChangesTheDecision() throws Throwable {
        Instant twoDaysAgo = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MICROS);
        Evidence evidence = new Evidence("checkbox", "web", "signup-form", null, null, "en", "subject", null, null);
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> ledger.append("shop-a",
                subjectKeys.of("shop-a", subject), "newsletter-1d", "given", evidence, twoDaysAgo)));

        assertTrue(VertxContextSupport.subscribeAndAwait(() -> expiry.expireDue()) >= 1);
        assertEquals(0, VertxContextSupport.subscribeAndAwait(() -> expiry.expireDue()), "an expiry is recorded once");

        given().auth().oauth2(Tokens.storefront("shop-a"))
                .get("/v1/subjects/{s}/decisions/newsletter-1d", subject)
                .then().body("decision", equalTo("deny")).body("reason", equalTo("consent expired"));
        given().auth().oauth2(Tokens.storefront("shop-a")).get("/v1/subjects/{s}/consents", subject)
                .then().body("[1].decision", equalTo("expired"))
                .body("[1].actor", equalTo("system"))
                .body("[1].decidedAt", equalTo(twoDaysAgo.plus(Duration.ofDays(1)).toString()));

        String key = subjectKeys.of("shop-a", subject);
        List<JsonNode> events = KafkaTopics.awaitEvents(Topics.CONSENT,
                e -> key.equals(e.path("subjectkey").asText())
                        && "dev.consentry.consent.expired.v1".equals(e.path("type").asText()), 1);
        assertEquals(1, events.size());
        assertEquals(List.of(), EventContract.violations(events.get(0)));
    }
}
