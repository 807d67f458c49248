package dev.consentry.dsr.rest.dto;

/** Shape of the ISO-8601 periods of retention rules, legal holds and dormancy settings. */
public final class Periods {
    /** Years, months and days, at least one of them, e.g. P1Y, P6M, P180D, P1Y6M. */
    public static final String PATTERN = "P(?!$)(\\d{1,4}Y)?(\\d{1,5}M)?(\\d{1,6}D)?";
    public static final String MESSAGE = "an ISO-8601 period of years, months and days, such as P5Y, P6M or P180D";

    private Periods() {
    }
}
