package dev.consentry.console.service;

import java.util.List;

/** The values the services accept in the console's forms, so a form offers exactly these and checks them first. */
public final class Vocabulary {

    public static final List<String> TYPES = List.of("access", "correction", "erasure", "restriction", "objection",
            "consent_withdrawal", "portability");
    public static final List<String> OPEN_STATUSES = List.of("received", "identity_verified", "awaiting_partners");
    /** What a customer files in the privacy center (restriction and withdrawal have their own ways there). */
    public static final List<String> CENTER_TYPES = List.of("access", "correction", "erasure", "objection", "portability");
    public static final List<String> JURISDICTIONS = List.of("VN", "KR", "EU", "US-CA");
    public static final List<String> DENIAL_REASONS = List.of("identity_not_verified", "no_match",
            "manifestly_unfounded", "legal_exception", "outside_jurisdiction");
    public static final List<String> PAUSE_REASONS = List.of("awaiting_subject_information", "awaiting_identity_proof");
    public static final List<String> EXTENSION_UNITS = List.of("calendar_days", "working_days", "months");
    public static final List<String> PROOF_METHODS = List.of("identity_document", "in_person", "signed_letter",
            "video_call", "other");

    private Vocabulary() {
    }

    /** {@code value} if it is one of {@code allowed}; null when blank; otherwise a bad-input refusal. */
    public static String oneOf(String field, String value, List<String> allowed) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!allowed.contains(value)) {
            throw new BadInput(field);
        }
        return value;
    }

    /** A form field the console refuses before calling any service; the page says which. */
    public static class BadInput extends RuntimeException {
        private final String field;

        public BadInput(String field) {
            super("bad input: " + field);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }
}
