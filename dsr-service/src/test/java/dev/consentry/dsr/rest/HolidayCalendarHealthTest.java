package dev.consentry.dsr.rest;

import dev.consentry.dsr.MovableClock;
import dev.consentry.dsr.service.deadline.DeadlineEngine;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * R3 with the holidays the product ships (no test settings): a 2027 deadline skips Tết; and a year without data for a
 * jurisdiction that counts working days is reported where an operator looks (/q/health/well) — without leaving the
 * load balancer's rotation (/q/health/ready stays up).
 */
@QuarkusTest
class HolidayCalendarHealthTest {

    @Inject
    MovableClock clock;

    @Inject
    DeadlineEngine deadlines;

    @Test
    void R3_aVietnameseAcknowledgementDueOverTet2027SkipsItsDaysOff() {
        // received Thursday 4 February 2027: 5 and 8-11 February are Tết's days off, so 12 and 15 February count
        DeadlineEngine.Deadline deadline = deadlines.compute("VN", "access", Instant.parse("2027-02-04T03:00:00Z"), false,
                List.of(), null, null);
        assertEquals(Instant.parse("2027-02-15T03:00:00Z"), deadline.acknowledgeBy());
    }

    @Test
    void R3_aYearWithoutVietnamsLunarHolidaysIsReportedAndCaliforniaNeedsNone() {
        try {
            at("2026-06-01T00:00:00Z");
            given().get("/q/health/well").then().statusCode(200)
                    .body("checks.find { it.name == 'holiday-calendars' }.data.missing", equalTo("none"));
            at("2027-06-01T00:00:00Z");
            given().get("/q/health/well").then().statusCode(503)
                    .body("checks.find { it.name == 'holiday-calendars' }.status", equalTo("DOWN"))
                    .body("checks.find { it.name == 'holiday-calendars' }.data.missing", equalTo("VN 2028"));
            given().get("/q/health/ready").then().statusCode(200);
        } finally {
            clock.reset();
        }
    }

    /** Puts the services' clock at {@code instant}. */
    private void at(String instant) {
        clock.reset();
        clock.advance(Duration.between(Instant.now(), Instant.parse(instant)));
    }
}
