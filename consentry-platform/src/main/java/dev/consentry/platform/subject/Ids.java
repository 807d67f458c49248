package dev.consentry.platform.subject;

/** Shapes of the identifiers every API accepts in bodies and paths (for Bean Validation's {@code @Pattern}). */
public final class Ids {

    /** A shop's own customer id: 1-128 letters, digits or {@code . _ : @ -}. */
    public static final String SUBJECT = "[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}";
    public static final String SUBJECT_MESSAGE = "1-128 letters, digits or . _ : @ -";

    /** Catalogue ids (purposes, recipients): lowercase letters, digits and '-', at most 63; they may name a topic. */
    public static final String SLUG = "[a-z0-9][a-z0-9-]{0,62}";
    public static final String SLUG_MESSAGE = "lowercase letters, digits and '-', at most 63";

    private Ids() {
    }

    /** Parses a UUID from a path; anything else is a 400 problem naming what was expected. */
    public static java.util.UUID uuid(String value, String what) {
        try {
            return java.util.UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw dev.consentry.platform.problem.ProblemException.badRequest("invalid-id", "A " + what + " id is a UUID.");
        }
    }
}
