package dev.consentry.dsr.rest;

import dev.consentry.dsr.MovableClock;
import dev.consentry.testkit.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * R1, R3: a request received by letter, phone or e-mail is entered by the privacy officer with the date it was
 * received, and the legal clock runs from that date; the officer's queue narrows by type, status and jurisdiction and
 * counts what is open, overdue and due per day.
 */
@QuarkusTest
class StaffEnteredRequestTest {

    @Inject
    MovableClock clock;

    private static Map<String, Object> access(String jurisdiction, Instant receivedAt, String lateEntryReason) {
        Map<String, Object> form = new HashMap<>(Map.of("type", "access", "subjectId", "cust-" + UUID.randomUUID(),
                "jurisdiction", jurisdiction));
        if (receivedAt != null) {
            form.put("receivedAt", receivedAt.toString());
        }
        if (lateEntryReason != null) {
            form.put("lateEntryReason", lateEntryReason);
        }
        return form;
    }

    private static io.restassured.response.ValidatableResponse file(String token, Map<String, Object> form) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(form).post("/v1/requests").then();
    }

    @Test
    void R1_aRequestReceivedByLetterRunsItsLegalClockFromTheDayItWasReceived() {
        String tenant = "shop-letter";
        Instant received = clock.instant().minus(Duration.ofDays(6)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Map<String, Object> letter = access("VN", received, null);
        JsonPath entered = file(Tokens.dpo(tenant), letter).statusCode(201)
                .body("receivedAt", equalTo(received.toString()))
                .body("entry.enteredAt", notNullValue())
                .body("entry.lateEntryReason", nullValue())
                .extract().jsonPath();
        JsonPath filedNow = file(Tokens.dpo(tenant), access("VN", null, null)).statusCode(201)
                .body("entry", nullValue()).extract().jsonPath();
        Duration earlier = Duration.between(Instant.parse(entered.getString("legalDueAt")),
                Instant.parse(filedNow.getString("legalDueAt")));
        assertTrue(earlier.compareTo(Duration.ofDays(5)) >= 0 && earlier.compareTo(Duration.ofDays(9)) <= 0,
                "the legal due date is six days (give or take a weekend) earlier: " + earlier);
        // the officer reading the request sees whose it is; the queue does not name subjects
        given().auth().oauth2(Tokens.dpo(tenant)).get("/v1/requests/{id}", entered.getString("id")).then()
                .statusCode(200).body("subjectId", equalTo(letter.get("subjectId")));
    }

    @Test
    void R1_aReceiptDateInTheFutureOrFromAnyoneButStaffIsRefused() {
        Instant tomorrow = clock.instant().plus(Duration.ofDays(1));
        file(Tokens.dpo("shop-letter"), access("VN", tomorrow, null)).statusCode(422)
                .body("type", containsString("received-at-in-future"));
        file(Tokens.storefront("shop-letter"), access("VN", clock.instant().minus(Duration.ofDays(2)), null))
                .statusCode(422).body("type", containsString("received-at-staff-only"));
        file(Tokens.dpo("shop-letter"), access("VN", null, "found late")).statusCode(400)
                .body("type", containsString("late-entry-reason-unexpected"));
    }

    @Test
    void R1_anEntryMadeAfterTheLegalDeadlinePassedMustSayWhy() {
        Instant longAgo = clock.instant().minus(Duration.ofDays(40));
        file(Tokens.dpo("shop-letter"), access("VN", longAgo, null)).statusCode(422)
                .body("type", containsString("late-entry-unexplained"))
                .body("detail", containsString("lateEntryReason"));
        file(Tokens.dpo("shop-letter"), access("VN", longAgo, "The letter was misrouted to the warehouse.")).statusCode(201)
                .body("entry.lateEntryReason", equalTo("The letter was misrouted to the warehouse."));
    }

    @Test
    void R3_theQueueNarrowsByTypeStatusAndJurisdictionAndCountsOverdueAndDuePerDay() {
        String tenant = "shop-queue-" + UUID.randomUUID().toString().substring(0, 8);
        Instant now = clock.instant();
        file(Tokens.dpo(tenant), access("VN", now.minus(Duration.ofDays(30)), "Found in the archive.")).statusCode(201);
        file(Tokens.dpo(tenant), access("EU", null, null)).statusCode(201);
        Map<String, Object> erasure = new HashMap<>(access("VN", null, null));
        erasure.put("type", "erasure");
        file(Tokens.dpo(tenant), erasure).statusCode(201);

        given().auth().oauth2(Tokens.auditor(tenant)).queryParam("type", "erasure").get("/v1/requests").then()
                .statusCode(200).body("", hasSize(1)).body("type", everyItem(equalTo("erasure")));
        given().auth().oauth2(Tokens.dpo(tenant)).queryParam("jurisdiction", "EU").get("/v1/requests").then()
                .statusCode(200).body("", hasSize(1)).body("[0].jurisdiction", equalTo("EU"));
        given().auth().oauth2(Tokens.dpo(tenant)).queryParam("status", "received").get("/v1/requests").then()
                .statusCode(200).body("", hasSize(3)).body("status", everyItem(equalTo("received")));
        given().auth().oauth2(Tokens.dpo(tenant)).queryParam("status", "awaiting_partners").get("/v1/requests").then()
                .statusCode(200).body("", hasSize(0));
        // the overdue one (received 30 days ago) heads the queue
        given().auth().oauth2(Tokens.dpo(tenant)).get("/v1/requests").then()
                .body("", hasSize(3)).body("[0].jurisdiction", equalTo("VN")).body("[0].type", equalTo("access"));
        given().auth().oauth2(Tokens.dpo(tenant)).queryParam("status", "completed").get("/v1/requests").then()
                .statusCode(400);

        JsonPath stats = given().auth().oauth2(Tokens.auditor(tenant)).queryParam("zone", "Asia/Ho_Chi_Minh")
                .queryParam("days", 45).get("/v1/requests/statistics").then().statusCode(200)
                .body("open", equalTo(3))
                .body("openByStatus.received", equalTo(3))
                .body("overdue", equalTo(1))
                .body("legallyOverdue", equalTo(1))
                .body("zone", equalTo("Asia/Ho_Chi_Minh"))
                .body("dueByDay", hasSize(45))
                .extract().jsonPath();
        List<Integer> perDay = stats.getList("dueByDay.count", Integer.class);
        assertEquals(2, perDay.stream().mapToInt(Integer::intValue).sum(), "the two requests due ahead (VN erasure in 20 days, EU access in a month), by day");
        given().auth().oauth2(Tokens.dpo(tenant)).queryParam("zone", "Mars/Olympus").get("/v1/requests/statistics")
                .then().statusCode(400).body("type", containsString("invalid-zone"));
        given().auth().oauth2(Tokens.storefront(tenant)).get("/v1/requests/statistics").then().statusCode(403);
        given().auth().oauth2(Tokens.dpo("shop-other")).get("/v1/requests/statistics").then().statusCode(200)
                .body("overdue", equalTo(0));
    }
}
