package dev.consentry.consent.rest;

import dev.consentry.consent.Fixtures;
import dev.consentry.testkit.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

/** Bad input gets a 4xx RFC 9457 problem, never a 5xx, a stack trace or a class name. */
@QuarkusTest
class ConsentBadInputTest {

    private final String token = Tokens.storefront("shop-a");

    @BeforeEach
    void catalogue() {
        Fixtures.purpose("shop-a", "marketing-email", "consent");
    }

    @Test
    void malformedJsonIs400() {
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"subjectId\": \"c1\", ")
                .post("/v1/consents")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://consentry.dev/problems/malformed-json"))
                .body("detail", not(containsString("com.fasterxml")));
    }

    @Test
    void fieldOfTheWrongTypeIs400() {
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"subjectId\":\"c1\",\"decisions\":\"given\",\"method\":\"checkbox\",\"channel\":\"web\",\"collectionPoint\":\"x\"}")
                .post("/v1/consents")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("decisions"));
    }

    @Test
    void unknownFieldIs400() {
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"subjectId\":\"c1\",\"colectionPoint\":\"typo\"}")
                .post("/v1/consents")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("colectionPoint"));
    }

    @Test
    void missingEvidenceIs400WithFieldErrors() {
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"subjectId\":\"c1\",\"decisions\":[{\"purposeId\":\"marketing-email\",\"decision\":\"given\"}]}")
                .post("/v1/consents")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("method"))
                .body("errors.field", hasItem("collectionPoint"));
    }

    @Test
    void oversizeBodyIs413() {
        String huge = "{\"subjectId\":\"" + "x".repeat(300_000) + "\"}";
        given().auth().oauth2(token).contentType(ContentType.JSON).body(huge)
                .post("/v1/consents")
                .then().statusCode(413).contentType("application/problem+json");
    }

    /** Issue 13, finding 4: a body that declares no length (chunked) is held to the same limit (S6). */
    @Test
    void S6_oversizeChunkedBodyIs413() {
        byte[] huge = ("{\"subjectId\":\"" + "x".repeat(300_000) + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        given().auth().oauth2(token).contentType(ContentType.JSON).body(new java.io.ByteArrayInputStream(huge))
                .post("/v1/consents")
                .then().statusCode(413).contentType("application/problem+json");
    }

    @Test
    void badIdInPathIs400() {
        given().auth().oauth2(token)
                .get("/v1/subjects/{s}/decisions/marketing-email", "bad id with spaces")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(token)
                .get("/v1/subjects/c1/decisions/{p}", "NOT_A_PURPOSE!")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void wrongContentTypeIs415() {
        given().auth().oauth2(token).contentType(ContentType.TEXT).body("hello")
                .post("/v1/consents")
                .then().statusCode(415).contentType("application/problem+json");
    }

    @Test
    void unknownPathIs404Problem() {
        given().auth().oauth2(token).get("/v1/nothing-here/" + UUID.randomUUID())
                .then().statusCode(404);
    }

    @Test
    void badIdempotencyKeyIs400() {
        given().auth().oauth2(token).contentType(ContentType.JSON).header("Idempotency-Key", "bad key with spaces")
                .body(Fixtures.form("c1", "marketing-email", "given"))
                .post("/v1/consents")
                .then().statusCode(400).contentType("application/problem+json");
    }
}
