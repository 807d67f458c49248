package dev.consentry.dsr.config;

import de.focus_shift.jollyday.core.CalendarHierarchy;
import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameter;
import de.focus_shift.jollyday.core.ManagerParameters;
import de.focus_shift.jollyday.jaxb.JaxbConfigurationService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * R3: the working-day deadlines count the library's public holidays exactly as the library's own (JAXB) reader of its
 * calendars gives them — every holiday, with its name and kind, of every year a deadline could fall in.
 */
class HolidayCalendarReaderTest {

    @BeforeAll
    static void noCachedManagers() {
        // the library caches a manager per country, whichever reader made it
        HolidayManager.setManagerCachingEnabled(false);
    }

    @AfterAll
    static void cachingAgain() {
        HolidayManager.setManagerCachingEnabled(true);
    }

    private static ManagerParameter byJaxb(String country) {
        Properties reader = new Properties();
        reader.setProperty(ManagerParameter.CONFIGURATION_SERVICE_IMPL, JaxbConfigurationService.class.getName());
        return ManagerParameters.create(country, reader);
    }

    /** The country and each of its subdivisions, at every depth, as the arguments that name them. */
    private static void regions(CalendarHierarchy calendar, List<String> path, List<String[]> into) {
        into.add(path.toArray(String[]::new));
        calendar.getChildren().forEach((id, sub) -> {
            List<String> deeper = new ArrayList<>(path);
            deeper.add(id);
            regions(sub, deeper, into);
        });
    }

    private static List<String> describe(Set<Holiday> holidays) {
        return holidays.stream().map(h -> h.getDate() + " " + h.getPropertiesKey() + " " + h.getType())
                .sorted().toList();
    }

    @Test
    void R3_everyUsStateAndVietnamHaveTheHolidaysTheLibrarysOwnReaderGives() {
        List<String> differences = new ArrayList<>();
        int compared = 0;
        for (String country : List.of("us", "vn")) {
            HolidayManager ours = HolidayManager.getInstance(HolidayCalendarReader.calendar(country));
            HolidayManager library = HolidayManager.getInstance(byJaxb(country));
            List<String[]> regions = new ArrayList<>();
            regions(library.getCalendarHierarchy(), List.of(), regions);
            for (String[] region : regions) {
                for (int year = 1900; year <= 2100; year++) {
                    Set<Holiday> expected = library.getHolidays(Year.of(year), region);
                    Set<Holiday> actual = ours.getHolidays(Year.of(year), region);
                    compared += expected.size();
                    if (!expected.equals(actual)) {
                        Set<Holiday> missing = new HashSet<>(expected);
                        missing.removeAll(actual);
                        Set<Holiday> extra = new HashSet<>(actual);
                        extra.removeAll(expected);
                        differences.add(country + " " + String.join("/", region) + " " + year + ": missing "
                                + describe(missing) + ", extra " + describe(extra));
                    }
                }
            }
        }
        assertEquals(List.of(), differences.stream().limit(10).toList(), differences.size() + " years differ");
        assertTrue(compared > 100_000, "the comparison covered the calendars (" + compared + " holidays)");
    }

    @Test
    void R3_californiaHasItsOwnHolidaysAndTheFederalOnesAsObserved() {
        HolidayManager us = HolidayManager.getInstance(HolidayCalendarReader.calendar("us"));
        assertTrue(us.isHoliday(LocalDate.parse("2027-03-31"), "ca"), "César Chávez Day, a Wednesday");
        assertTrue(us.isHoliday(LocalDate.parse("2027-11-26"), "ca"), "the day after Thanksgiving");
        assertTrue(us.isHoliday(LocalDate.parse("2027-07-05"), "ca"), "Independence Day on a Sunday, observed Monday");
        assertTrue(!us.isHoliday(LocalDate.parse("2027-03-31")), "not a federal holiday");
    }

    @Test
    void R3_aCalendarWithAKindOfHolidayThisServiceDoesNotReadIsRefusedNotReadInPart(@TempDir Path dir)
            throws Exception {
        Path calendar = dir.resolve("Holidays_xx.xml");
        Files.writeString(calendar, """
                <?xml version="1.0" encoding="UTF-8"?>
                <Configuration hierarchy="xx" description="Somewhere"
                               xmlns="https://focus_shift.de/jollyday/schema/holiday">
                  <Holidays>
                    <Fixed month="JANUARY" day="1" descriptionPropertiesKey="NEW_YEAR"/>
                    <IslamicHoliday type="ID_AL_FITR"/>
                  </Holidays>
                </Configuration>
                """);
        Properties reader = new Properties();
        reader.setProperty(ManagerParameter.CONFIGURATION_SERVICE_IMPL, HolidayCalendarReader.class.getName());
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> Stream.of(
                HolidayManager.getInstance(ManagerParameters.create(calendar.toUri().toURL(), reader))
                        .getHolidays(Year.of(2027))).count());
        assertTrue(refused.getMessage().contains("IslamicHoliday"), refused.getMessage());
    }
}
