package dev.consentry.dsr.rest;

import dev.consentry.testkit.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

/** Bad input gets a 4xx RFC 9457 problem and writes nothing. */
@QuarkusTest
class RequestBadInputTest {

    private final String token = Tokens.storefront("shop-a");

    @Test
    void malformedJsonIs400() {
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"type\": \"correction\",,}")
                .post("/v1/requests").then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://consentry.dev/problems/malformed-json"));
    }

    @Test
    void fieldOfTheWrongTypeIs400() {
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"type\":\"correction\",\"subjectId\":\"c1\",\"jurisdiction\":\"VN\",\"corrections\":{\"field\":1}}")
                .post("/v1/requests").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("corrections"));
    }

    @Test
    void unknownJurisdictionAndTypeAre400() {
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("type", "teleport", "subjectId", "c1", "jurisdiction", "MARS"))
                .post("/v1/requests").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("type"))
                .body("errors.field", hasItem("jurisdiction"));
    }

    @Test
    void correctionWithoutFieldsIs400() {
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("type", "correction", "subjectId", "c1", "jurisdiction", "VN", "corrections", List.of()))
                .post("/v1/requests").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void correctionOfAFieldNoRegisteredSystemHoldsIs422AndChangesNothing() {
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("type", "correction", "subjectId", "c1", "jurisdiction", "EU",
                        "corrections", List.of(Map.of("field", "favouriteColour", "newValue", "blue"))))
                .post("/v1/requests").then().statusCode(422).contentType("application/problem+json")
                .body("type", containsString("unknown-field"));
        given().auth().oauth2(Tokens.dpo("shop-a")).get("/v1/requests").then().statusCode(200)
                .body("findAll { it.fields.contains('favouriteColour') }", hasSize(0));
    }

    @Test
    void badRequestIdIs400() {
        given().auth().oauth2(token).get("/v1/requests/not-a-uuid")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void unknownRequestIs404() {
        given().auth().oauth2(token).get("/v1/requests/{id}", java.util.UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void oversizeBodyIs413() {
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"subjectId\":\"" + "x".repeat(300_000) + "\"}")
                .post("/v1/requests").then().statusCode(413).contentType("application/problem+json");
    }

    @Test
    void recipientIdThatCannotNameATopicIs400() {
        given().auth().oauth2(Tokens.dpo("shop-a")).contentType(ContentType.JSON)
                .body(Map.of("id", "Bad Id/../x", "name", "x", "kind", "other", "dataCategories", List.of("email")))
                .post("/v1/recipients").then().statusCode(400).body("errors.field", hasItem("id"));
    }
}
