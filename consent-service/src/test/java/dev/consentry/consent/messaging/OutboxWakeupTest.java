package dev.consentry.consent.messaging;

import dev.consentry.consent.Fixtures;
import dev.consentry.events.Topics;
import dev.consentry.testkit.KafkaTopics;
import dev.consentry.testkit.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The relay does not wait for its poll: the commit that writes an outbox row notifies it. With the poll interval set
 * to an hour, the only way the event can reach Kafka during this test is that notification.
 */
@QuarkusTest
@TestProfile(OutboxWakeupTest.HourlyPoll.class)
class OutboxWakeupTest {

    public static class HourlyPoll implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("consentry.outbox.poll-interval", "1h");
        }
    }

    @Test
    void committedEventIsPublishedWithoutWaitingForThePoll() {
        Fixtures.purpose("shop-a", "marketing-email", "consent");
        String subject = "cust-" + UUID.randomUUID();
        String recordId = given().auth().oauth2(Tokens.storefront("shop-a")).contentType(ContentType.JSON)
                .body(Fixtures.form(subject, "marketing-email", "given"))
                .post("/v1/consents").then().statusCode(201).extract().path("records[0].recordId");

        var events = KafkaTopics.awaitEvents(Topics.CONSENT,
                e -> recordId.equals(e.path("data").path("recordId").asText()), 1, Duration.ofSeconds(30));
        assertEquals(1, events.size(), "the decision's event reached Kafka long before the hourly poll");
    }
}
