package dev.consentry.platform.validation;

/**
 * The regular expressions every API checks its values against (Bean Validation's {@code @Pattern}), each with the
 * message a caller gets when a value does not match. One definition per kind of value, for all services.
 */
public final class ValuePatterns {

    /** A shop's own customer (or visitor) id: 1-128 letters, digits or {@code . _ : @ -}. */
    public static final String SUBJECT_ID = "[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}";
    public static final String SUBJECT_ID_MESSAGE = "1-128 letters, digits or . _ : @ -";

    /** Catalogue ids (tenants, purposes, recipients): lowercase letters, digits and '-', at most 63; they may name a topic. */
    public static final String CATALOGUE_ID = "[a-z0-9][a-z0-9-]{0,62}";
    public static final String CATALOGUE_ID_MESSAGE = "lowercase letters, digits and '-', at most 63";

    /** A data category or a field of the customer's record, e.g. {@code shippingAddress}. */
    public static final String FIELD_NAME = "[a-zA-Z][a-zA-Z0-9_]{0,63}";
    public static final String FIELD_NAME_MESSAGE = "a letter, then letters, digits or '_', at most 64";

    /** An ISO-8601 period of years, months and days, at least one of them: P1Y, P6M, P180D, P1Y6M. */
    public static final String PERIOD = "P(?!$)(\\d{1,4}Y)?(\\d{1,5}M)?(\\d{1,6}D)?";
    public static final String PERIOD_MESSAGE = "an ISO-8601 period of years, months and days, such as P5Y, P6M or P180D";

    /** A language, optionally with its region: {@code vi}, {@code en-US}. */
    public static final String LANGUAGE = "[a-z]{2}(-[A-Z]{2})?";
    public static final String LANGUAGE_MESSAGE = "a language code such as vi or en-US";

    private ValuePatterns() {
    }
}
