package dev.consentry.consent.rest;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.consentry.consent.model.Purpose;
import dev.consentry.consent.service.view.Receipt;
import dev.consentry.platform.i18n.Languages;

import java.io.IOException;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * How the printable receipt speaks to the subject: in their language, the purpose by its name and meaning, codes in
 * words and the moment as people write it. The signed record itself stays as it is (its field names are ISO/IEC TS
 * 27560's), shown under "technical details".
 */
public final class ReceiptWords {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Locale locale;
    private final Receipt receipt;
    private final Map<String, String> names;
    private final Map<String, String> descriptions;
    private final ResourceBundle labels;

    ReceiptWords(Locale locale, Receipt receipt, Purpose purpose) {
        this.locale = locale;
        this.receipt = receipt;
        this.names = purpose == null ? Map.of() : texts(purpose.names);
        this.descriptions = purpose == null ? Map.of() : texts(purpose.descriptions);
        this.labels = Languages.labels("receipt-labels", locale);
    }

    public String language() {
        return locale.getLanguage();
    }

    /** A field of the signed record, or "" when it has none. */
    public String field(String name) {
        Object value = receipt.record().get(name);
        return value == null ? "" : value.toString();
    }

    public String purpose() {
        return Languages.pick(names, locale, field("purpose_id"));
    }

    public String meaning() {
        return Languages.pick(descriptions, locale, "");
    }

    /** A vocabulary code in words; the code itself when there are none. */
    public String word(String code) {
        return code == null || code.isEmpty() ? "" : labels.containsKey(code) ? labels.getString(code) : code.replace('_', ' ');
    }

    public String when() {
        String time = field("event_time");
        return time.isEmpty() ? "" : Languages.dateTime(Instant.parse(time), locale);
    }

    private static Map<String, String> texts(String json) {
        try {
            return json == null ? Map.of() : JSON.readValue(json, new TypeReference<Map<String, String>>() {
            });
        } catch (IOException e) {
            throw new IllegalStateException("stored purpose texts are not JSON", e);
        }
    }
}
