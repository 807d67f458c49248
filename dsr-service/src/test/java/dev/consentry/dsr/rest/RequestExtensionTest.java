package dev.consentry.dsr.rest;

import dev.consentry.dsr.Fixtures;
import dev.consentry.testkit.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** R3: one extension, with a reason; a second is refused, and so is one the law does not allow. */
@QuarkusTest
class RequestExtensionTest {

    private final String subject = "cust-" + UUID.randomUUID();
    private final Map<String, Object> tenDays = Map.of("length", 10, "unit", "calendar_days",
            "reason", "We hold your data in several systems and need more time to search them.");

    @BeforeEach
    void ledger() {
        Fixtures.recipient("shop-a", "swift-shipping", "shippingAddress");
        Fixtures.disclosure("shop-a", subject, "swift-shipping", "shippingAddress");
    }

    private String file(String jurisdiction) {
        Map<String, Object> form = new HashMap<>(Fixtures.correction(subject));
        form.put("jurisdiction", jurisdiction);
        return given().auth().oauth2(Tokens.storefront("shop-a")).contentType(ContentType.JSON).body(form)
                .post("/v1/requests").then().statusCode(201).extract().path("id");
    }

    @Test
    void R3_oneExtensionMovesTheDueDateAndASecondIsRefused() {
        String id = file("VN");
        Instant due = Instant.parse(given().auth().oauth2(Tokens.dpo("shop-a")).get("/v1/requests/{id}", id)
                .then().extract().path("dueAt"));
        Instant extended = Instant.parse(given().auth().oauth2(Tokens.dpo("shop-a")).contentType(ContentType.JSON)
                .body(tenDays).post("/v1/requests/{id}/extension", id)
                .then().statusCode(200).extract().path("dueAt"));
        assertEquals(due.plus(Duration.ofDays(10)), extended);

        given().auth().oauth2(Tokens.dpo("shop-a")).contentType(ContentType.JSON).body(tenDays)
                .post("/v1/requests/{id}/extension", id)
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://consentry.dev/problems/extension-refused"))
                .body("detail", containsString("once only"));
    }

    @Test
    void R3_extensionBeyondTheLawOrWhereTheLawAllowsNoneIsRefused() {
        given().auth().oauth2(Tokens.dpo("shop-a")).contentType(ContentType.JSON).body(tenDays)
                .post("/v1/requests/{id}/extension", file("KR")).then().statusCode(422)
                .body("detail", containsString("allows no extension"));
        given().auth().oauth2(Tokens.dpo("shop-a")).contentType(ContentType.JSON)
                .body(Map.of("length", 11, "unit", "calendar_days", "reason", "more time"))
                .post("/v1/requests/{id}/extension", file("VN")).then().statusCode(422)
                .body("detail", containsString("at most 10"));
    }

    @Test
    void onlyTheTenantsDpoExtends() {
        String id = file("VN");
        given().auth().oauth2(Tokens.storefront("shop-a")).contentType(ContentType.JSON).body(tenDays)
                .post("/v1/requests/{id}/extension", id).then().statusCode(403);
        given().auth().oauth2(Tokens.dpo("shop-b")).contentType(ContentType.JSON).body(tenDays)
                .post("/v1/requests/{id}/extension", id).then().statusCode(404);
        given().auth().oauth2(Tokens.dpo("shop-a")).contentType(ContentType.JSON)
                .body(Map.of("length", 10, "unit", "calendar_days"))
                .post("/v1/requests/{id}/extension", id).then().statusCode(400);
    }
}
