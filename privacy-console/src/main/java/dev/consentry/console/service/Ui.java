package dev.consentry.console.service;

import dev.consentry.console.config.ConsoleConfig;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.UUID;

/**
 * What every page needs besides its data: the language (English or Vietnamese, from the browser's Accept-Language),
 * the shop's time zone for dates, the current time for marks, and a fresh Idempotency-Key for each form. Templates
 * read it as {@code inject:ui}.
 */
@RequestScoped
@Named("ui")
public class Ui {

    public static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.forLanguageTag("vi"));
    /** The privacy center also speaks Korean (the catalogue's names come in vi, en and ko). */
    public static final List<Locale> CENTER_LANGUAGES = List.of(Locale.ENGLISH, Locale.forLanguageTag("vi"),
            Locale.forLanguageTag("ko"));
    /** Where the privacy center's pages live. */
    public static final String CENTER = "/me";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final CurrentVertxRequest request;
    private final ZoneId zone;
    private final Clock clock;
    private Locale locale;

    public Ui(CurrentVertxRequest request, ConsoleConfig config, Clock clock) {
        this.request = request;
        this.zone = ZoneId.of(config.zone());
        this.clock = clock;
    }

    /** The page in the officer's language. */
    public TemplateInstance page(TemplateInstance template) {
        return template.setLocale(locale());
    }

    public Locale locale() {
        if (locale == null) {
            String header = request.getCurrent() == null ? null
                    : request.getCurrent().request().getHeader("Accept-Language");
            locale = pick(header, inCenter() ? CENTER_LANGUAGES : LANGUAGES);
        }
        return locale;
    }

    /** A page of the customers' privacy center (rather than the officers' console). */
    public boolean inCenter() {
        String path = request.getCurrent() == null ? null : request.getCurrent().normalizedPath();
        return path != null && (path.equals(CENTER) || path.startsWith(CENTER + "/"));
    }

    /** A text given per language (a purpose's name or description) in the page's language, else English, else any. */
    public String inLanguage(java.util.Map<String, String> texts) {
        if (texts == null || texts.isEmpty()) {
            return "";
        }
        String text = texts.get(lang());
        if (text == null) {
            text = texts.get("en");
        }
        return text != null ? text : texts.values().iterator().next();
    }

    /** The first of the browser's languages the console speaks; English otherwise. */
    static Locale pick(String acceptLanguage) {
        return pick(acceptLanguage, LANGUAGES);
    }

    /** The first of the browser's languages among {@code languages}; English otherwise. */
    static Locale pick(String acceptLanguage, List<Locale> languages) {
        if (acceptLanguage != null) {
            try {
                for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                    for (Locale language : languages) {
                        if (range.getRange().equals("*") || range.getRange().toLowerCase(Locale.ROOT)
                                .startsWith(language.getLanguage())) {
                            return range.getRange().equals("*") ? Locale.ENGLISH : language;
                        }
                    }
                }
            } catch (IllegalArgumentException malformed) {
                // a malformed header gets the default
            }
        }
        return Locale.ENGLISH;
    }

    public String lang() {
        return locale().getLanguage();
    }

    public Instant now() {
        return clock.instant();
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    public String zone() {
        return zone.getId();
    }

    public String date(Instant instant) {
        return instant == null ? "" : DATE.format(instant.atZone(zone));
    }

    public String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant.atZone(zone));
    }

    /** The value of a datetime-local input in the shop's zone. */
    public String localInput(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ISO_LOCAL_DATE.format(instant.atZone(zone));
    }

    /** A fresh Idempotency-Key for one rendering of a form. */
    public String formKey() {
        return UUID.randomUUID().toString();
    }

    /** The words for a vocabulary code (a type, status, reason) in the officer's language; the code itself if none. */
    public String label(String code) {
        if (code == null) {
            return "";
        }
        ResourceBundle labels = ResourceBundle.getBundle("labels", locale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return labels.containsKey(code) ? labels.getString(code) : code.replace('_', ' ');
    }

    public List<String> types() {
        return Vocabulary.TYPES;
    }

    /** What a customer files in the privacy center. */
    public List<String> centerRequestTypes() {
        return Vocabulary.CENTER_TYPES;
    }

    public List<String> openStatuses() {
        return Vocabulary.OPEN_STATUSES;
    }

    public List<String> jurisdictions() {
        return Vocabulary.JURISDICTIONS;
    }

    public List<String> denialReasons() {
        return Vocabulary.DENIAL_REASONS;
    }

    public List<String> pauseReasons() {
        return Vocabulary.PAUSE_REASONS;
    }

    public List<String> extensionUnits() {
        return Vocabulary.EXTENSION_UNITS;
    }

    public List<String> proofMethods() {
        return Vocabulary.PROOF_METHODS;
    }

    public ZoneId zoneId() {
        return zone;
    }
}
