package dev.consentry.dsr.config;

import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameter;
import de.focus_shift.jollyday.core.ManagerParameters;
import de.focus_shift.jollyday.core.spi.ChristianHolidayConfiguration;
import de.focus_shift.jollyday.core.spi.Described;
import de.focus_shift.jollyday.core.spi.EthiopianOrthodoxHolidayConfiguration;
import de.focus_shift.jollyday.core.spi.FixedHolidayConfiguration;
import de.focus_shift.jollyday.core.spi.FixedWeekdayBetweenFixedHolidayConfiguration;
import de.focus_shift.jollyday.core.spi.FixedWeekdayInMonthHolidayConfiguration;
import de.focus_shift.jollyday.core.spi.FixedWeekdayRelativeToFixedHolidayConfiguration;
import de.focus_shift.jollyday.core.spi.HolidayCalendarConfiguration;
import de.focus_shift.jollyday.core.spi.HolidayCalendarConfigurationService;
import de.focus_shift.jollyday.core.spi.HolidayConfigurations;
import de.focus_shift.jollyday.core.spi.IslamicHolidayConfiguration;
import de.focus_shift.jollyday.core.spi.Limited;
import de.focus_shift.jollyday.core.spi.Movable;
import de.focus_shift.jollyday.core.spi.Occurrence;
import de.focus_shift.jollyday.core.spi.Relation;
import de.focus_shift.jollyday.core.spi.RelativeToEasterSundayHolidayConfiguration;
import de.focus_shift.jollyday.core.spi.RelativeToFixedHolidayConfiguration;
import de.focus_shift.jollyday.core.spi.RelativeToWeekdayInMonthHolidayConfiguration;
import org.threeten.extra.chrono.JulianChronology;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.time.DayOfWeek;
import java.time.Month;
import java.time.MonthDay;
import java.time.Year;
import java.time.chrono.Chronology;
import java.time.chrono.IsoChronology;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Reads Jollyday's holiday calendars (the XML files in its jar) with the JDK's streaming XML reader, in place of the
 * library's JAXB reader: JAXB and its runtime were ≈ 500 classes and more than a second of dsr-service's start, for two
 * small files. It reads the holiday kinds the calendars this service uses are made of — fixed dates, weekdays in a
 * month, a weekday before or after one of those, Christian feasts — with the attributes and defaults of Jollyday's
 * schema; a calendar with any other kind is refused when it is read (at start), never read in part.
 */
public final class HolidayCalendarReader implements HolidayCalendarConfigurationService {

    private static final XMLInputFactory XML = XMLInputFactory.newFactory();

    static {
        XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    }

    /**
     * The parameters of Jollyday's calendar of a country, read by this reader (named, so that another reader on the
     * class path, as in the tests, is never picked instead).
     */
    public static ManagerParameter calendar(String country) {
        Properties reader = new Properties();
        reader.setProperty(ManagerParameter.CONFIGURATION_SERVICE_IMPL, HolidayCalendarReader.class.getName());
        return ManagerParameters.create(country, reader);
    }

    @Override
    public HolidayCalendarConfiguration getHolidayCalendarConfiguration(ManagerParameter parameter) {
        URL resource = parameter.createResourceUrl();
        try (InputStream in = resource.openStream()) {
            XMLStreamReader xml = XML.createXMLStreamReader(in);
            try {
                xml.nextTag();
                expect(xml, "Configuration");
                return configuration(xml);
            } finally {
                xml.close();
            }
        } catch (IOException | XMLStreamException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot read the holiday calendar " + resource + ": " + e.getMessage(), e);
        }
    }

    /** A {@code Configuration} or {@code SubConfigurations} element; the reader is on its start and ends on its end. */
    private static Calendar configuration(XMLStreamReader xml) throws XMLStreamException {
        String hierarchy = xml.getAttributeValue(null, "hierarchy");
        String description = xml.getAttributeValue(null, "description");
        Holidays holidays = Holidays.none();
        List<HolidayCalendarConfiguration> subs = new ArrayList<>();
        while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
            switch (xml.getLocalName()) {
                case "Holidays" -> holidays = holidays(xml);
                case "SubConfigurations" -> subs.add(configuration(xml));
                case "Sources" -> skip(xml);
                default -> throw unknown(xml, "calendar");
            }
        }
        return new Calendar(hierarchy, description, holidays, List.copyOf(subs));
    }

    private static Holidays holidays(XMLStreamReader xml) throws XMLStreamException {
        Holidays holidays = Holidays.none();
        while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
            switch (xml.getLocalName()) {
                case "Fixed" -> holidays.fixed.add(fixed(xml));
                case "FixedWeekday" -> holidays.weekdaysInMonth.add(weekdayInMonth(xml));
                case "RelativeToWeekdayInMonth" ->
                        holidays.relativeToWeekdaysInMonth.add(relativeToWeekdayInMonth(xml));
                case "ChristianHoliday" -> holidays.christian.add(christian(xml));
                default -> throw unknown(xml, "holiday");
            }
        }
        return holidays;
    }

    private static Fixed fixed(XMLStreamReader xml) throws XMLStreamException {
        MonthDay day = MonthDay.of(month(xml, "month"), Integer.parseInt(required(xml, "day")));
        Common common = common(xml);
        return new Fixed(day, common, movingConditions(xml));
    }

    private static WeekdayInMonth weekdayInMonth(XMLStreamReader xml) throws XMLStreamException {
        Occurrence which = Occurrence.valueOf(required(xml, "which"));
        DayOfWeek weekday = DayOfWeek.valueOf(required(xml, "weekday"));
        Month month = month(xml, "month");
        Common common = common(xml);
        return new WeekdayInMonth(which, weekday, month, common, movingConditions(xml));
    }

    private static RelativeToWeekdayInMonth relativeToWeekdayInMonth(XMLStreamReader xml) throws XMLStreamException {
        DayOfWeek weekday = DayOfWeek.valueOf(required(xml, "weekday"));
        Relation when = Relation.valueOf(required(xml, "when"));
        Common common = common(xml);
        WeekdayInMonth anchor = null;
        while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
            if (!"FixedWeekday".equals(xml.getLocalName()) || anchor != null) {
                throw unknown(xml, "RelativeToWeekdayInMonth's");
            }
            anchor = weekdayInMonth(xml);
        }
        if (anchor == null) {
            throw new IllegalArgumentException("a RelativeToWeekdayInMonth without its FixedWeekday");
        }
        return new RelativeToWeekdayInMonth(weekday, when, anchor, common);
    }

    private static Christian christian(XMLStreamReader xml) throws XMLStreamException {
        ChristianHolidayConfiguration.ChristianHolidayType type =
                ChristianHolidayConfiguration.ChristianHolidayType.valueOf(required(xml, "type"));
        Chronology chronology = "JULIAN".equals(xml.getAttributeValue(null, "chronology"))
                ? JulianChronology.INSTANCE : IsoChronology.INSTANCE;
        Common common = common(xml);
        return new Christian(type, chronology, common, movingConditions(xml));
    }

    /** The attributes every holiday has, with the schema's defaults. */
    private static Common common(XMLStreamReader xml) {
        String from = xml.getAttributeValue(null, "validFrom");
        String to = xml.getAttributeValue(null, "validTo");
        String every = xml.getAttributeValue(null, "every");
        String type = xml.getAttributeValue(null, "localizedType");
        return new Common(xml.getAttributeValue(null, "descriptionPropertiesKey"),
                type == null ? HolidayType.PUBLIC_HOLIDAY : HolidayType.valueOf(type),
                Optional.ofNullable(from).map(y -> Year.of(Integer.parseInt(y))),
                Optional.ofNullable(to).map(y -> Year.of(Integer.parseInt(y))),
                every == null ? Limited.YearCycle.EVERY_YEAR : Limited.YearCycle.valueOf(every));
    }

    /** The element's {@code MovingCondition} children; ends on the element's end. */
    private static List<Movable.MovingCondition> movingConditions(XMLStreamReader xml) throws XMLStreamException {
        List<Movable.MovingCondition> conditions = new ArrayList<>();
        while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
            if (!"MovingCondition".equals(xml.getLocalName())) {
                throw unknown(xml, "holiday's");
            }
            conditions.add(new MovingCondition(DayOfWeek.valueOf(required(xml, "substitute")),
                    Movable.MovingCondition.With.valueOf(required(xml, "with")),
                    DayOfWeek.valueOf(required(xml, "weekday"))));
            skip(xml);
        }
        return List.copyOf(conditions);
    }

    private static Month month(XMLStreamReader xml, String attribute) {
        return Month.valueOf(required(xml, attribute));
    }

    private static String required(XMLStreamReader xml, String attribute) {
        String value = xml.getAttributeValue(null, attribute);
        if (value == null) {
            throw new IllegalArgumentException("a " + xml.getLocalName() + " without " + attribute);
        }
        return value;
    }

    private static void expect(XMLStreamReader xml, String element) {
        if (!element.equals(xml.getLocalName())) {
            throw new IllegalArgumentException("expected " + element + ", found " + xml.getLocalName());
        }
    }

    /** Skips the element the reader is on, children and all; ends on its end. */
    private static void skip(XMLStreamReader xml) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    private static IllegalArgumentException unknown(XMLStreamReader xml, String where) {
        return new IllegalArgumentException("this service reads no " + where + " element " + xml.getLocalName()
                + " (line " + xml.getLocation().getLineNumber() + ")");
    }

    // the records are public: the library finds the lists of a calendar's holidays by reflection

    public record Calendar(String hierarchy, String description, HolidayConfigurations holidays,
                            List<HolidayCalendarConfiguration> subs) implements HolidayCalendarConfiguration {
        @Override
        public Stream<HolidayCalendarConfiguration> subConfigurations() {
            return subs.stream();
        }
    }

    public record Holidays(List<FixedHolidayConfiguration> fixed,
                            List<FixedWeekdayInMonthHolidayConfiguration> weekdaysInMonth,
                            List<RelativeToWeekdayInMonthHolidayConfiguration> relativeToWeekdaysInMonth,
                            List<ChristianHolidayConfiguration> christian) implements HolidayConfigurations {

        static Holidays none() {
            return new Holidays(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        }

        @Override
        public List<RelativeToWeekdayInMonthHolidayConfiguration> relativeToWeekdayInMonth() {
            return relativeToWeekdaysInMonth;
        }

        @Override
        public List<FixedWeekdayInMonthHolidayConfiguration> fixedWeekdays() {
            return weekdaysInMonth;
        }

        @Override
        public List<ChristianHolidayConfiguration> christianHolidays() {
            return christian;
        }

        @Override
        public List<RelativeToFixedHolidayConfiguration> relativeToFixed() {
            return List.of();
        }

        @Override
        public List<IslamicHolidayConfiguration> islamicHolidays() {
            return List.of();
        }

        @Override
        public List<FixedWeekdayBetweenFixedHolidayConfiguration> fixedWeekdayBetweenFixed() {
            return List.of();
        }

        @Override
        public List<FixedWeekdayRelativeToFixedHolidayConfiguration> fixedWeekdayRelativeToFixed() {
            return List.of();
        }

        @Override
        public List<EthiopianOrthodoxHolidayConfiguration> ethiopianOrthodoxHolidays() {
            return List.of();
        }

        @Override
        public List<RelativeToEasterSundayHolidayConfiguration> relativeToEasterSunday() {
            return List.of();
        }
    }

    /** What every holiday says besides its date: its name's key, its kind and the years it applies to. */
    public record Common(String key, HolidayType type, Optional<Year> from, Optional<Year> to,
                         Limited.YearCycle cycle) {
    }

    /** A holiday's name, kind and years, from its {@link Common} attributes. */
    public interface Attributed extends Described, Limited {
        Common common();

        @Override
        default String descriptionPropertiesKey() {
            return common().key();
        }

        @Override
        default HolidayType holidayType() {
            return common().type();
        }

        @Override
        default Optional<Year> validFrom() {
            return common().from();
        }

        @Override
        default Optional<Year> validTo() {
            return common().to();
        }

        @Override
        default YearCycle cycle() {
            return common().cycle();
        }
    }

    public record MovingCondition(DayOfWeek substitute, Movable.MovingCondition.With with, DayOfWeek weekday)
            implements Movable.MovingCondition {
    }

    public record Fixed(MonthDay day, Common common, List<Movable.MovingCondition> conditions)
            implements FixedHolidayConfiguration, Attributed {
    }

    public record WeekdayInMonth(Occurrence which, DayOfWeek weekday, Month month, Common common,
                                 List<Movable.MovingCondition> conditions)
            implements FixedWeekdayInMonthHolidayConfiguration, Attributed {
    }

    public record RelativeToWeekdayInMonth(DayOfWeek weekday, Relation when, WeekdayInMonth weekdayInMonth,
                                           Common common)
            implements RelativeToWeekdayInMonthHolidayConfiguration, Attributed {
    }

    public record Christian(ChristianHolidayConfiguration.ChristianHolidayType type, Chronology chronology,
                            Common common, List<Movable.MovingCondition> conditions)
            implements ChristianHolidayConfiguration, Attributed {
        /** Without a key of its own, a feast is named by its type, as Jollyday's descriptions name it. */
        @Override
        public String descriptionPropertiesKey() {
            return common.key() != null ? common.key()
                    : descriptionPropertiesKeyPrefix() + descriptionPropertiesKeyPrefixSeparator() + type;
        }
    }
}
