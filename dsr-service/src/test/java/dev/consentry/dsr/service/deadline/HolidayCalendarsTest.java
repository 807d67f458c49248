package dev.consentry.dsr.service.deadline;

import de.focus_shift.jollyday.core.HolidayManager;
import dev.consentry.dsr.config.HolidayCalendarReader;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** R3: public holidays beyond the configured year — the library's calendars plus the operator's dates. */
class HolidayCalendarsTest {

    private static final HolidayManager US = HolidayManager.getInstance(HolidayCalendarReader.calendar("us"));
    private static final HolidayManager VN = HolidayManager.getInstance(HolidayCalendarReader.calendar("vn"));
    /** Tết 2026 as configured (the library cannot know lunar holidays). */
    private static final Set<LocalDate> VN_2026 = Set.of(LocalDate.parse("2026-02-16"), LocalDate.parse("2026-02-17"));

    private static HolidayCalendars calendars() {
        return new HolidayCalendars(Map.of(
                "US-CA", new HolidayCalendars.Calendar(day -> US.isHoliday(day, "ca"), true, Set.of()),
                "VN", new HolidayCalendars.Calendar(VN::isHoliday, false, VN_2026)));
    }

    @Test
    void R3_californiasHolidaysComeFromTheLibraryInEveryYear() {
        HolidayCalendars holidays = calendars();
        assertTrue(holidays.isHoliday("US-CA", LocalDate.parse("2027-01-01")), "New Year's Day 2027");
        assertTrue(holidays.isHoliday("US-CA", LocalDate.parse("2027-11-25")), "Thanksgiving 2027");
        assertTrue(holidays.isHoliday("US-CA", LocalDate.parse("2028-05-29")), "Memorial Day 2028");
        assertFalse(holidays.isHoliday("US-CA", LocalDate.parse("2027-03-10")));
        assertEquals(List.of(), holidays.gaps(List.of(2027, 2028)).stream().filter(g -> g.startsWith("US-CA")).toList());
    }

    @Test
    void R3_theLibraryKnowsEveryCaliforniaHolidayOnceConfiguredFor2026() {
        HolidayCalendars holidays = calendars();
        List<String> missing = java.util.stream.Stream.of("2026-01-01", "2026-01-19", "2026-02-16", "2026-03-31",
                        "2026-05-25", "2026-07-03", "2026-09-07", "2026-11-11", "2026-11-26", "2026-11-27", "2026-12-25")
                .filter(d -> !holidays.isHoliday("US-CA", LocalDate.parse(d))).toList();
        assertEquals(List.of(), missing, "the dates the configuration listed before the library took over");
    }

    @Test
    void R3_vietnamsFixedHolidaysComeFromTheLibraryAndItsLunarOnesFromConfigurationWhoseMissingYearsAreNamed() {
        HolidayCalendars holidays = calendars();
        assertTrue(holidays.isHoliday("VN", LocalDate.parse("2027-09-02")), "National Day 2027, from the library");
        assertTrue(holidays.isHoliday("VN", LocalDate.parse("2026-02-17")), "Tết 2026, configured");
        assertEquals(List.of("VN 2027"), holidays.gaps(List.of(2026, 2027)), "Tết 2027 is not configured");
    }

    @Test
    void R3_anAcknowledgementDueOverNewYearSkipsTheHolidayOfTheNextYear() {
        WorkingCalendar calendar = new WorkingCalendar(calendars());
        // received on Wednesday 30 December 2026: Thursday counts, 1 January (a Friday) is a holiday, then Monday
        assertEquals(LocalDate.parse("2027-01-04"), calendar.plusWorkingDays("VN", LocalDate.parse("2026-12-30"), 2));
        assertEquals(LocalDate.parse("2027-01-04"), calendar.plusWorkingDays("US-CA", LocalDate.parse("2026-12-30"), 2));
    }
}
