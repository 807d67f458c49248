package dev.consentry.platform.i18n;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * The languages pages for people (a readable access package, a printable receipt) speak — English, Vietnamese and
 * Korean, as the seed shops' customers do — and how a page chooses one: the one asked for, else the first of the
 * browser's Accept-Language it speaks, else English.
 */
public final class Languages {

    public static final List<Locale> SPOKEN = List.of(Locale.ENGLISH, Locale.forLanguageTag("vi"), Locale.forLanguageTag("ko"));
    /** The values a {@code lang} parameter may take. */
    public static final String PATTERN = "en|vi|ko";

    private Languages() {
    }

    public static Locale choose(String lang, String acceptLanguage) {
        if (lang != null) {
            for (Locale l : SPOKEN) {
                if (l.getLanguage().equals(lang)) {
                    return l;
                }
            }
        }
        if (acceptLanguage != null) {
            try {
                for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                    for (Locale l : SPOKEN) {
                        if (range.getRange().toLowerCase(Locale.ROOT).startsWith(l.getLanguage())) {
                            return l;
                        }
                    }
                }
            } catch (IllegalArgumentException malformed) {
                // a malformed header gets English
            }
        }
        return Locale.ENGLISH;
    }

    /** A text given per language (a purpose's name) in {@code locale}'s language, else English, else {@code otherwise}. */
    public static String pick(Map<String, String> texts, Locale locale, String otherwise) {
        String text = texts.get(locale.getLanguage());
        if (text == null) {
            text = texts.get("en");
        }
        return text != null ? text : otherwise;
    }

    /** Words for vocabulary codes from the properties bundle {@code name} in {@code locale} (no fallback to the JVM's). */
    public static ResourceBundle labels(String name, Locale locale) {
        return ResourceBundle.getBundle(name, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** A day as people write it in {@code locale}, e.g. "30 November 2026" (UTC). */
    public static DateTimeFormatter dates(Locale locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).withZone(ZoneOffset.UTC);
    }

    /** A moment as people write it in {@code locale}, in UTC, e.g. "30 November 2026, 03:12 UTC". */
    public static String dateTime(Instant instant, Locale locale) {
        return instant == null ? "" : dates(locale).format(instant) + ", "
                + DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC).format(instant) + " UTC";
    }
}
