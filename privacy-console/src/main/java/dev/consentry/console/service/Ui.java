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
            locale = pick(header);
        }
        return locale;
    }

    /** The first of the browser's languages the console speaks; English otherwise. */
    static Locale pick(String acceptLanguage) {
        if (acceptLanguage != null) {
            try {
                for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                    for (Locale language : LANGUAGES) {
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
