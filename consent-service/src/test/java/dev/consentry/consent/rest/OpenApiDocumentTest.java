package dev.consentry.consent.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The OpenAPI document describes every endpoint, with an example for every request body. */
@QuarkusTest
class OpenApiDocumentTest {

    @Test
    @SuppressWarnings("unchecked")
    void everyOperationHasASummaryAndEveryRequestBodyAnExample() {
        JsonPath doc = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Object>> paths = doc.getMap("paths");
        List<String> problems = new ArrayList<>();
        paths.forEach((path, operations) -> operations.forEach((method, op) -> {
            if (!(op instanceof Map<?, ?> operation)) {
                return;
            }
            if (operation.get("summary") == null) {
                problems.add(method + " " + path + ": no summary");
            }
            Object body = operation.get("requestBody");
            if (body != null && !String.valueOf(body).contains("examples")) {
                problems.add(method + " " + path + ": request body without an example");
            }
        }));
        assertTrue(paths.size() >= 10, "all endpoints are documented");
        assertEquals(List.of(), problems);
    }
}
