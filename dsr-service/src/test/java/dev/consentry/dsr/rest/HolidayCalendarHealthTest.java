package dev.consentry.dsr.rest;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Year;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/**
 * R3: without next year's holidays for a jurisdiction that counts working days, the service says so where an operator
 * looks (/q/health/well) — without leaving the load balancer's rotation (/q/health/ready stays up).
 */
@QuarkusTest
class HolidayCalendarHealthTest {

    @Inject
    Clock clock;

    @Test
    void R3_aYearWithoutVietnamsLunarHolidaysIsReportedAndCaliforniaNeedsNone() {
        String next = String.valueOf(Year.now(clock).getValue() + 1);
        given().get("/q/health/well").then().statusCode(503)
                .body("checks.find { it.name == 'holiday-calendars' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'holiday-calendars' }.data.missing", containsString("VN " + next))
                .body("checks.find { it.name == 'holiday-calendars' }.data.missing", not(containsString("US-CA")));
        given().get("/q/health/ready").then().statusCode(200);
    }
}
