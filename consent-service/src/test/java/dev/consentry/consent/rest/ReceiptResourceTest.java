package dev.consentry.consent.rest;

import dev.consentry.consent.Fixtures;
import dev.consentry.testkit.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.VerificationJwkSelector;
import org.jose4j.jws.JsonWebSignature;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** C3: a receipt verifies with the published key, and fails after one byte of the record changes. */
@QuarkusTest
class ReceiptResourceTest {

    private final String subject = "cust-" + UUID.randomUUID();
    private String recordId;

    @BeforeEach
    void consent() {
        Fixtures.purpose("shop-a", "marketing-email", "consent");
        recordId = given().auth().oauth2(Tokens.storefront("shop-a")).contentType(ContentType.JSON)
                .body(Fixtures.form(subject, "marketing-email", "given")).post("/v1/consents")
                .then().statusCode(201).extract().path("records[0].recordId");
    }

    private static boolean verifies(String compactJws, String keySetJson) throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setCompactSerialization(compactJws);
        jws.setKey(new VerificationJwkSelector().select(jws, new JsonWebKeySet(keySetJson).getJsonWebKeys()).getKey());
        return jws.verifySignature();
    }

    @Test
    void C3_receiptVerifiesWithThePublishedKeyAndFailsAfterOneByteChanges() throws Exception {
        JsonPath receipt = given().auth().oauth2(Tokens.storefront("shop-a"))
                .get("/v1/consents/{id}/receipt", recordId)
                .then().statusCode(200)
                .body("record.record_id", equalTo(recordId))
                .body("record.purpose_id", equalTo("marketing-email"))
                .body("record.event_type", equalTo("given"))
                .body("record.collection_method", equalTo("checkbox"))
                .extract().jsonPath();
        String jws = receipt.getString("jws");
        String keys = given().get("/v1/receipts/keys").then().statusCode(200).extract().asString();

        assertTrue(verifies(jws, keys), "receipt verifies with the published key");
        String[] parts = jws.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        assertTrue(payload.contains(recordId));
        assertFalse(payload.contains(subject), "the receipt names the subject by its pseudonymous key only");

        String altered = payload.replace("\"given\"", "\"givex\"");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(altered.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertFalse(verifies(forged, keys), "one changed byte breaks the signature");
    }

    @Test
    void C3_receiptIsPrintable() {
        given().auth().oauth2(Tokens.storefront("shop-a"))
                .get("/v1/consents/{id}/receipt/printable", recordId)
                .then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("Consent receipt")).body(containsString(recordId));
    }

    @Test
    void C3_U2_thePrintableReceiptSpeaksTheSubjectsLanguageWithThePurposesNameAndMeaning() {
        Fixtures.purpose("shop-a", "newsletter-vi", "consent", Map.of("names", Map.of("en", "Newsletter", "vi", "Bản tin"),
                "descriptions", Map.of("en", "Our news once a month.", "vi", "Tin tức mỗi tháng một lần.")));
        String record = given().auth().oauth2(Tokens.storefront("shop-a")).contentType(ContentType.JSON)
                .body(Fixtures.form(subject, "newsletter-vi", "given")).post("/v1/consents")
                .then().statusCode(201).extract().path("records[0].recordId");
        given().auth().oauth2(Tokens.subject("shop-a", subject)).get("/v1/consents/{id}/receipt/printable?lang=vi", record)
                .then().statusCode(200)
                .body(containsString("<html lang=\"vi\">")).body(containsString("Biên nhận đồng ý"))
                .body(containsString("Bản tin")).body(containsString("Tin tức mỗi tháng một lần."))
                .body(containsString("Bạn đã đồng ý")).body(containsString("bằng cách đánh dấu ô chọn"))
                .body(containsString("tháng")).body(containsString(record));
        given().auth().oauth2(Tokens.subject("shop-a", subject)).header("Accept-Language", "ko")
                .get("/v1/consents/{id}/receipt/printable", record).then().statusCode(200)
                .body(containsString("동의 영수증")).body(containsString("동의함"));
        given().auth().oauth2(Tokens.subject("shop-a", subject)).get("/v1/consents/{id}/receipt/printable?lang=xx", record)
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void receiptIsVisibleToItsTenantAndSubjectOnly() {
        given().auth().oauth2(Tokens.subject("shop-a", subject)).get("/v1/consents/{id}/receipt", recordId)
                .then().statusCode(200);
        given().auth().oauth2(Tokens.subject("shop-a", "someone-else")).get("/v1/consents/{id}/receipt", recordId)
                .then().statusCode(404);
        given().auth().oauth2(Tokens.storefront("shop-b")).get("/v1/consents/{id}/receipt", recordId)
                .then().statusCode(404).contentType("application/problem+json");
        given().get("/v1/consents/{id}/receipt", recordId).then().statusCode(401);
        given().auth().oauth2(Tokens.storefront("shop-a")).get("/v1/consents/not-a-uuid/receipt")
                .then().statusCode(400);
        assertEquals(200, given().get("/v1/receipts/keys").statusCode(), "the verification key is public");
    }
}
