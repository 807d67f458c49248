package dev.consentry.consent.messaging;

import dev.consentry.consent.Fixtures;
import dev.consentry.events.Channels;
import dev.consentry.events.CloudEvent;
import dev.consentry.events.EventContract;
import dev.consentry.events.EventTypes;
import dev.consentry.events.Topics;
import dev.consentry.events.data.DsrRequestData;
import dev.consentry.platform.subject.SubjectKeys;
import dev.consentry.testkit.KafkaTopics;
import dev.consentry.testkit.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Issue 13, finding 3: consent-service takes part in an erasure; its records stay, their free text does not. */
@QuarkusTest
class ErasureConsumerTest {

    private static final String PROOF = "birth certificate of Nguyen Van A, no. 0042";
    private static final String SIGNAL = "checkbox ticked by nguyen.van.a@example.org";

    @Inject
    SubjectKeys subjectKeys;

    @Inject
    AgroalDataSource db;

    @Test
    void S5_evidenceTextIsSealedAndAnErasureDestroysItWhileTheRecordsStay() throws Exception {
        String subject = "cust-" + UUID.randomUUID();
        Fixtures.purpose("shop-a", "marketing-email", "consent");
        Map<String, Object> form = new HashMap<>(Fixtures.form(subject, "marketing-email", "given"));
        form.put("actor", "guardian");
        form.put("actorProof", PROOF);
        form.put("rawSignal", SIGNAL);
        given().auth().oauth2(Tokens.storefront("shop-a")).contentType(ContentType.JSON).body(form)
                .post("/v1/consents").then().statusCode(201);
        given().auth().oauth2(Tokens.dpo("shop-a")).get("/v1/subjects/{s}/consents", subject).then()
                .statusCode(200).body("[0].rawSignal", equalTo(SIGNAL));
        assertFalse(records().contains("Nguyen Van A") || records().contains("nguyen.van.a"), "evidence text is sealed");

        String subjectKey = subjectKeys.of("shop-a", subject);
        CloudEvent destroyed = new CloudEvent(CloudEvent.SPEC_VERSION, UUID.randomUUID().toString(), Channels.DSR_SERVICE,
                EventTypes.DSR_SUBJECT_KEY_DESTROYED, Instant.now(), CloudEvent.JSON, "shop-a", subjectKey,
                EventContract.mapper().valueToTree(DsrRequestData.lifecycle(UUID.randomUUID().toString(), "erasure",
                        "completed", Instant.now(), Instant.now())));
        KafkaTopics.sendEvent(Topics.DSR, destroyed.recordKey(), EventContract.mapper().writeValueAsString(destroyed));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(Tokens.dpo("shop-a")).get("/v1/subjects/{s}/consents", subject).then()
                        .statusCode(200).body("[0].decision", equalTo("given")).body("[0].rawSignal", nullValue()));
        assertEquals(0, count("SELECT count(*) FROM subject_data_key WHERE subject_key = '" + subjectKey + "'"));
        // a later consent for the erased id keeps no free text: no new key is ever made
        given().auth().oauth2(Tokens.storefront("shop-a")).contentType(ContentType.JSON).body(form)
                .post("/v1/consents").then().statusCode(201);
        assertEquals(0, count("SELECT count(*) FROM subject_data_key WHERE subject_key = '" + subjectKey + "'"));
        assertFalse(records().contains("Nguyen Van A") || records().contains("nguyen.van.a"));
    }

    private String records() throws Exception {
        StringBuilder all = new StringBuilder();
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT consent_record::text FROM consent_record")) {
            while (rs.next()) {
                all.append(rs.getString(1)).append('\n');
            }
        }
        return all.toString();
    }

    private int count(String sql) throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
