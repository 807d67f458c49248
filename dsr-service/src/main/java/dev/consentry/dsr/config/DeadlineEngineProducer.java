package dev.consentry.dsr.config;

import de.focus_shift.jollyday.core.HolidayManager;
import dev.consentry.dsr.service.deadline.DeadlineEngine;
import dev.consentry.dsr.service.deadline.HolidayCalendars;
import dev.consentry.dsr.service.deadline.WorkingCalendar;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Year;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Builds the deadline engine with the holiday calendars of the jurisdictions that count working days: the Jollyday
 * library's calendar (California's complete, Vietnam's fixed-date holidays only) plus the configured dates
 * ({@code consentry.dsr.holidays.<jurisdiction>}), and warns at start when this or next year lacks data.
 */
public class DeadlineEngineProducer {

    /** Jurisdiction → the library's calendar (country, subdivision) and whether it alone is complete. */
    private record Library(String country, String subdivision, boolean complete) {
    }

    private static final Map<String, Library> LIBRARY = Map.of(
            "US-CA", new Library("us", "ca", true),
            // Tết and the Hùng Kings' day follow the lunar calendar and the days off are set each year: configured
            "VN", new Library("vn", null, false));

    @Produces
    @ApplicationScoped
    @Startup
    HolidayCalendars holidayCalendars(DsrConfig config, Clock clock) {
        Map<String, Set<LocalDate>> configured = new HashMap<>();
        config.holidays().forEach((jurisdiction, dates) -> configured.put(jurisdiction.replace("\"", ""),
                Arrays.stream(dates.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                        .map(LocalDate::parse).collect(Collectors.toSet())));
        Map<String, HolidayCalendars.Calendar> calendars = new HashMap<>();
        LIBRARY.forEach((jurisdiction, library) -> calendars.put(jurisdiction, new HolidayCalendars.Calendar(
                libraryCalendar(library), library.complete(), configured.getOrDefault(jurisdiction, Set.of()))));
        configured.forEach((jurisdiction, dates) -> calendars.putIfAbsent(jurisdiction,
                new HolidayCalendars.Calendar(null, false, dates)));
        HolidayCalendars holidays = new HolidayCalendars(calendars);
        int year = Year.now(clock).getValue();
        List<String> gaps = holidays.gaps(List.of(year, year + 1));
        if (!gaps.isEmpty()) {
            Log.warnf("Working-day deadlines ignore public holidays where no dates are configured: %s "
                    + "(set consentry.dsr.holidays.<jurisdiction>; the chart's services.dsr.holidays)", String.join(", ", gaps));
        }
        return holidays;
    }

    private static Predicate<LocalDate> libraryCalendar(Library library) {
        HolidayManager manager = HolidayManager.getInstance(HolidayCalendarReader.calendar(library.country()));
        return library.subdivision() == null ? day -> manager.isHoliday(day)
                : day -> manager.isHoliday(day, library.subdivision());
    }

    @Produces
    @ApplicationScoped
    DeadlineEngine deadlineEngine(HolidayCalendars holidays) {
        return new DeadlineEngine(new WorkingCalendar(holidays));
    }
}
