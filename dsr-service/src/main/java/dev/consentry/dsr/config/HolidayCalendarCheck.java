package dev.consentry.dsr.config;

import dev.consentry.dsr.service.deadline.HolidayCalendars;
import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

import java.time.Clock;
import java.time.Year;
import java.util.List;

/**
 * R3: working-day deadlines are only right with the year's public holidays. Down (at /q/health/well, so that it
 * alerts without taking the service out of rotation) while this or next year has no holiday data for a jurisdiction
 * that counts working days, naming the jurisdictions and years to configure.
 */
@Wellness
@ApplicationScoped
public class HolidayCalendarCheck implements HealthCheck {

    private final HolidayCalendars holidays;
    private final Clock clock;

    public HolidayCalendarCheck(HolidayCalendars holidays, Clock clock) {
        this.holidays = holidays;
        this.clock = clock;
    }

    @Override
    public HealthCheckResponse call() {
        int year = Year.now(clock).getValue();
        List<String> gaps = holidays.gaps(List.of(year, year + 1));
        return HealthCheckResponse.named("holiday-calendars").status(gaps.isEmpty())
                .withData("missing", gaps.isEmpty() ? "none" : String.join(", ", gaps))
                .withData("jurisdictions", String.join(", ", holidays.jurisdictions().stream().sorted().toList()))
                .build();
    }
}
