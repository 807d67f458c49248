package dev.consentry.dsr.service.deadline;

/**
 * A legal period: so many calendar days, working days (Monday to Friday, less the jurisdiction's holidays) or months.
 * A zero span means "without undue delay": due when received.
 */
public record Span(int amount, Unit unit) {

    public enum Unit { CALENDAR_DAYS, WORKING_DAYS, MONTHS }

    public static final Span NONE = new Span(0, Unit.CALENDAR_DAYS);

    public static Span days(int n) {
        return new Span(n, Unit.CALENDAR_DAYS);
    }

    public static Span workingDays(int n) {
        return new Span(n, Unit.WORKING_DAYS);
    }

    public static Span months(int n) {
        return new Span(n, Unit.MONTHS);
    }

    public boolean isNone() {
        return amount == 0;
    }
}
