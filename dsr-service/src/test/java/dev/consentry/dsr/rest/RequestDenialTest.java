package dev.consentry.dsr.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.consentry.dsr.Fixtures;
import dev.consentry.events.EventContract;
import dev.consentry.events.Topics;
import dev.consentry.testkit.KafkaTopics;
import dev.consentry.testkit.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** R8: a refusal states its reason from the fixed vocabulary and how to complain. */
@QuarkusTest
class RequestDenialTest {

    private String file(String jurisdiction) {
        Fixtures.recipient("shop-a", "swift-shipping", "shippingAddress");
        Map<String, Object> form = new HashMap<>(Fixtures.correction("cust-" + UUID.randomUUID()));
        form.put("jurisdiction", jurisdiction);
        return given().auth().oauth2(Tokens.dpo("shop-a")).contentType(ContentType.JSON).body(form)
                .post("/v1/requests").then().statusCode(201).extract().path("id");
    }

    @Test
    void R8_refusalCarriesAReasonFromTheVocabularyAndHowToComplain() {
        String id = file("KR");
        given().auth().oauth2(Tokens.dpo("shop-a")).contentType(ContentType.JSON)
                .body(Map.of("reason", "identity_not_verified", "explanation", "The code sent to you was not confirmed."))
                .post("/v1/requests/{id}/denial", id)
                .then().statusCode(200)
                .body("status", equalTo("denied"))
                .body("denial.reason", equalTo("identity_not_verified"))
                .body("denial.howToComplain", containsString("Personal Information Protection Commission"));

        List<JsonNode> denied = KafkaTopics.awaitEvents(Topics.DSR,
                e -> id.equals(e.path("data").path("requestId").asText())
                        && "dev.consentry.dsr.denied.v1".equals(e.path("type").asText()), 1);
        assertEquals(1, denied.size());
        assertEquals("identity_not_verified", denied.get(0).path("data").path("denialReason").asText());
        assertEquals(List.of(), EventContract.violations(denied.get(0)));
        assertEquals(-1, denied.get(0).toString().indexOf("not confirmed"), "the explanation stays out of events");
    }

    @Test
    void R8_reasonOutsideTheVocabularyIsRefusedAndAClosedRequestCannotBeDeniedAgain() {
        String id = file("EU");
        given().auth().oauth2(Tokens.dpo("shop-a")).contentType(ContentType.JSON).body(Map.of("reason", "we are busy"))
                .post("/v1/requests/{id}/denial", id).then().statusCode(400);
        given().auth().oauth2(Tokens.dpo("shop-a")).contentType(ContentType.JSON).body(Map.of("reason", "no_match"))
                .post("/v1/requests/{id}/denial", id).then().statusCode(200)
                .body("denial.howToComplain", containsString("supervisory authority"));
        given().auth().oauth2(Tokens.dpo("shop-a")).contentType(ContentType.JSON).body(Map.of("reason", "no_match"))
                .post("/v1/requests/{id}/denial", id).then().statusCode(409);
    }

    @Test
    void onlyTheTenantsDpoDenies() {
        String id = file("VN");
        given().auth().oauth2(Tokens.storefront("shop-a")).contentType(ContentType.JSON).body(Map.of("reason", "no_match"))
                .post("/v1/requests/{id}/denial", id).then().statusCode(403);
        given().auth().oauth2(Tokens.dpo("shop-b")).contentType(ContentType.JSON).body(Map.of("reason", "no_match"))
                .post("/v1/requests/{id}/denial", id).then().statusCode(404);
    }
}
