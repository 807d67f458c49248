package dev.consentry.consent.rest.dto;

/** Shapes of the consent API's own values. */
public final class Periods {
    /** ISO-8601 period of years, months and days, e.g. P1Y, P6M, P30D. */
    public static final String PERIOD = "P(?!$)(\\d+Y)?(\\d+M)?(\\d+D)?";
    public static final String PERIOD_MESSAGE = "an ISO-8601 period such as P1Y, P6M or P30D";
    public static final String LANGUAGE = "[a-z]{2}(-[A-Z]{2})?";
    public static final String CATEGORY = "[a-zA-Z][a-zA-Z0-9_]{0,63}";

    private Periods() {
    }
}
