package dev.consentry.dsr.service.deadline;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The public holidays of each jurisdiction with working-day deadlines: a maintained holiday library where it covers
 * the jurisdiction (Jollyday: California's holidays every year, Vietnam's fixed-date ones), plus dates the operator
 * configures for what the library cannot know (Vietnam's lunar-calendar holidays and the days off the government
 * moves each year). A jurisdiction whose library calendar is incomplete needs configured dates for every year it
 * counts working days in; {@link #gaps} says which years are missing.
 */
public final class HolidayCalendars {

    /**
     * One jurisdiction's calendar.
     *
     * @param library         the library's answer (null: none for this jurisdiction)
     * @param libraryComplete whether the library alone knows every holiday (else configured dates are needed yearly)
     * @param configured      the operator's dates
     */
    public record Calendar(Predicate<LocalDate> library, boolean libraryComplete, Set<LocalDate> configured) {

        boolean isHoliday(LocalDate day) {
            return configured.contains(day) || (library != null && library.test(day));
        }

        boolean covers(int year) {
            return libraryComplete || configured.stream().anyMatch(d -> d.getYear() == year);
        }
    }

    private final Map<String, Calendar> calendars;

    public HolidayCalendars(Map<String, Calendar> calendars) {
        this.calendars = Map.copyOf(calendars);
    }

    /** Only configured dates, no library (the tests' calendars). */
    public static HolidayCalendars ofDates(Map<String, Set<LocalDate>> dates) {
        Map<String, Calendar> calendars = new java.util.HashMap<>();
        dates.forEach((jurisdiction, days) -> calendars.put(jurisdiction, new Calendar(null, false, Set.copyOf(days))));
        return new HolidayCalendars(calendars);
    }

    public boolean isHoliday(String jurisdiction, LocalDate day) {
        Calendar calendar = calendars.get(jurisdiction);
        return calendar != null && calendar.isHoliday(day);
    }

    /** "VN 2027"-style entries for each jurisdiction and year among {@code years} with no holiday data. */
    public List<String> gaps(Collection<Integer> years) {
        List<String> gaps = new ArrayList<>();
        calendars.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> years.stream().sorted()
                .filter(year -> !e.getValue().covers(year)).forEach(year -> gaps.add(e.getKey() + " " + year)));
        return gaps;
    }

    public Set<String> jurisdictions() {
        return calendars.keySet();
    }
}
