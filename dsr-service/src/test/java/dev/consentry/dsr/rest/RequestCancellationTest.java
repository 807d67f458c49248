package dev.consentry.dsr.rest;

import dev.consentry.dsr.Fixtures;
import dev.consentry.testkit.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** R1: a request can be cancelled until a partner has been told; after that it cannot be recalled. */
@QuarkusTest
class RequestCancellationTest {

    private static final String TENANT = "shop-cancel";

    @Test
    void R1_aRequestWaitingForVerificationCanBeCancelledOnceAndOnlyWithinItsTenant() {
        Fixtures.recipient(TENANT, "swift-shipping", "shippingAddress");
        Map<String, Object> form = new HashMap<>(Fixtures.correction("cust-" + UUID.randomUUID()));
        String id = given().auth().oauth2(Tokens.dpo(TENANT)).contentType(ContentType.JSON).body(form)
                .post("/v1/requests").then().statusCode(201).extract().path("id");

        given().auth().oauth2(Tokens.dpo("shop-other")).post("/v1/requests/{id}/cancellation", id).then().statusCode(404);
        given().auth().oauth2(Tokens.auditor(TENANT)).post("/v1/requests/{id}/cancellation", id).then().statusCode(403);
        given().auth().oauth2(Tokens.storefront(TENANT)).post("/v1/requests/{id}/cancellation", id).then().statusCode(200)
                .body("status", equalTo("cancelled"));
        given().auth().oauth2(Tokens.storefront(TENANT)).post("/v1/requests/{id}/cancellation", id).then().statusCode(409)
                .body("type", containsString("request-closed"));
    }

    @Test
    void R1_onceAPartnerWasNotifiedTheRequestCannotBeCancelled() {
        Fixtures.recipient(TENANT, "swift-shipping", "shippingAddress");
        String subject = "cust-" + UUID.randomUUID();
        Fixtures.disclosure(TENANT, subject, "swift-shipping", "shippingAddress");
        String id = given().auth().oauth2(Tokens.subject(TENANT, subject)).contentType(ContentType.JSON)
                .body(Fixtures.correction(subject)).post("/v1/requests").then().statusCode(201).extract().path("id");
        given().auth().oauth2(Tokens.subject(TENANT, "cust-someone-else")).post("/v1/requests/{id}/cancellation", id)
                .then().statusCode(404);
        given().auth().oauth2(Tokens.subject(TENANT, subject)).post("/v1/requests/{id}/cancellation", id)
                .then().statusCode(409).body("type", containsString("notices-sent"));
    }
}
