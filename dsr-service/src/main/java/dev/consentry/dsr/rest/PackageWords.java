package dev.consentry.dsr.rest;

import dev.consentry.dsr.service.access.PurposeNames;
import dev.consentry.platform.i18n.Languages;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * How the readable access package speaks to the subject (R7): in their language (English, Vietnamese or Korean), with
 * purposes by their names and what they mean, vocabulary codes in words and dates as people write them.
 */
public final class PackageWords {

    private final Locale locale;
    private final Map<String, PurposeNames.Texts> purposes;
    private final ResourceBundle labels;
    private final DateTimeFormatter dates;

    PackageWords(Locale locale, Map<String, PurposeNames.Texts> purposes) {
        this.locale = locale;
        this.purposes = purposes;
        this.labels = Languages.labels("package-labels", locale);
        this.dates = Languages.dates(locale);
    }

    public Locale locale() {
        return locale;
    }

    public String language() {
        return locale.getLanguage();
    }

    /** The purpose's name in the subject's language (else English, else its id). */
    public String purpose(String id) {
        return text(purposes.containsKey(id) ? purposes.get(id).names() : Map.of(), id);
    }

    /** What the purpose means, in the subject's language; empty when the shop did not say. */
    public String meaning(String id) {
        return text(purposes.containsKey(id) ? purposes.get(id).descriptions() : Map.of(), "");
    }

    private String text(Map<String, String> texts, String otherwise) {
        return Languages.pick(texts, locale, otherwise);
    }

    /** A vocabulary code (category, outcome, basis, decision, type, period trigger) in words; the code if unknown. */
    public String word(String code) {
        if (code == null) {
            return "";
        }
        return labels.containsKey(code) ? labels.getString(code) : code.replace('_', ' ');
    }

    /** An ISO-8601 period (P1Y, P6M, P30D, P1Y6M) in words, e.g. "1 year 6 months"; as given when it is not one. */
    public String period(String iso) {
        if (iso == null) {
            return "";
        }
        try {
            java.time.Period p = java.time.Period.parse(iso);
            StringBuilder words = new StringBuilder();
            append(words, p.getYears(), "period_year", "period_years");
            append(words, p.getMonths(), "period_month", "period_months");
            append(words, p.getDays(), "period_day", "period_days");
            return words.isEmpty() ? iso : words.toString();
        } catch (java.time.format.DateTimeParseException notAPeriod) {
            return iso;
        }
    }

    private void append(StringBuilder words, int n, String one, String many) {
        if (n != 0) {
            if (!words.isEmpty()) {
                words.append(' ');
            }
            words.append(n).append(' ').append(word(n == 1 ? one : many));
        }
    }

    /** A day as people write it in the subject's language, e.g. 30 November 2026. */
    public String date(Instant instant) {
        return instant == null ? "" : dates.format(instant);
    }
}
