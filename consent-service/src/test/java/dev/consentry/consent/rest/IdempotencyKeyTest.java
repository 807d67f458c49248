package dev.consentry.consent.rest;

import dev.consentry.consent.Fixtures;
import dev.consentry.platform.idempotency.IdempotencyRetention;
import dev.consentry.testkit.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 13, findings 3 and 7: an Idempotency-Key belongs to its caller, and its stored answer holds nothing readable. */
@QuarkusTest
class IdempotencyKeyTest {

    @Inject
    AgroalDataSource db;

    @Inject
    IdempotencyRetention retention;

    @Test
    void aMalformedKeyIsA400ProblemOnEveryPost() {
        Fixtures.purpose("shop-a", "marketing-email", "consent");
        String subject = "cust-" + UUID.randomUUID();
        given().auth().oauth2(Tokens.storefront("shop-a")).contentType(ContentType.JSON)
                .header("Idempotency-Key", "not a key").body(Fixtures.form(subject, "marketing-email", "given"))
                .post("/v1/consents").then().statusCode(400)
                .body("type", org.hamcrest.Matchers.containsString("invalid-idempotency-key"));
        given().auth().oauth2(Tokens.dpo("shop-a")).contentType(ImportResource.NDJSON)
                .header("Idempotency-Key", "not a key")
                .body(("{\"subjectId\":\"" + subject + "\",\"purposeId\":\"marketing-email\",\"decision\":\"given\","
                        + "\"decidedAt\":\"2025-03-01T09:00:00Z\",\"method\":\"checkbox\",\"channel\":\"web\","
                        + "\"collectionPoint\":\"legacy\"}\n").getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/v1/imports/consents").then().statusCode(400)
                .body("type", org.hamcrest.Matchers.containsString("invalid-idempotency-key"));
    }

    @Test
    void S5_aKeyIsTheCallersOwnAndItsRowHoldsNoReadablePersonalValue() throws Exception {
        String subject = "cust-" + UUID.randomUUID();
        String key = "retry-" + UUID.randomUUID();
        Fixtures.purpose("shop-a", "marketing-email", "consent");
        // the subject uses the key first...
        String subjects = given().auth().oauth2(Tokens.subject("shop-a", subject)).contentType(ContentType.JSON)
                .header("Idempotency-Key", key).body(Fixtures.form(subject, "marketing-email", "refused"))
                .post("/v1/consents").then().statusCode(201).extract().path("records[0].recordId");
        // ...and the storefront's request with the same key is its own: not replayed, not refused as a reuse
        String storefronts = given().auth().oauth2(Tokens.storefront("shop-a")).contentType(ContentType.JSON)
                .header("Idempotency-Key", key).body(Fixtures.form(subject, "marketing-email", "given"))
                .post("/v1/consents").then().statusCode(201).header("Idempotent-Replayed", org.hamcrest.Matchers.nullValue())
                .extract().path("records[0].recordId");
        assertNotEquals(subjects, storefronts);
        // the storefront's retry is replayed from its own row
        given().auth().oauth2(Tokens.storefront("shop-a")).contentType(ContentType.JSON)
                .header("Idempotency-Key", key).body(Fixtures.form(subject, "marketing-email", "given"))
                .post("/v1/consents").then().statusCode(201).header("Idempotent-Replayed", "true");

        String rows = rows();
        assertFalse(rows.contains(subject), "no subject id in idempotency rows");
        assertFalse(rows.contains(key), "no Idempotency-Key in the clear");
        assertFalse(rows.contains(storefronts), "the stored answer is sealed");
    }

    @Test
    void S5_answersExpire() throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO idempotency_key (tenant, idem_key, request_hash, status, created_at) "
                    + "VALUES ('shop-a', 'expired-" + UUID.randomUUID() + "', 'h', 201, now() - interval '2 days')");
        }
        assertTrue(retention.deleteExpired() >= 1);
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM idempotency_key WHERE created_at < now() - interval '1 day'")) {
            rs.next();
            assertEquals(0, rs.getInt(1));
        }
    }

    private String rows() throws Exception {
        StringBuilder all = new StringBuilder();
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT idem_key, request_hash, coalesce(body, ''), coalesce(location, '') FROM idempotency_key")) {
            while (rs.next()) {
                for (int i = 1; i <= 4; i++) {
                    all.append(rs.getString(i)).append('\n');
                }
            }
        }
        return all.toString();
    }
}
