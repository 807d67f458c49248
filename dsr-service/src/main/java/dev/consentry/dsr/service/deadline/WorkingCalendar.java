package dev.consentry.dsr.service.deadline;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/** Which days count as working days in each jurisdiction: Monday to Friday, less its public holidays. */
public final class WorkingCalendar {

    private final HolidayCalendars holidays;

    public WorkingCalendar(HolidayCalendars holidays) {
        this.holidays = holidays;
    }

    /** Only the given dates as holidays (no library). */
    public WorkingCalendar(Map<String, Set<LocalDate>> holidaysByJurisdiction) {
        this(HolidayCalendars.ofDates(holidaysByJurisdiction));
    }

    public boolean isWorkingDay(String jurisdiction, LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY
                && !holidays.isHoliday(jurisdiction, day);
    }

    /** The date {@code n} working days after {@code from} (the day received does not count). */
    public LocalDate plusWorkingDays(String jurisdiction, LocalDate from, int n) {
        LocalDate day = from;
        int counted = 0;
        while (counted < n) {
            day = day.plusDays(1);
            if (isWorkingDay(jurisdiction, day)) {
                counted++;
            }
        }
        return day;
    }
}
