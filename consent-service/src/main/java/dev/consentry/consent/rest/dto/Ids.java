package dev.consentry.consent.rest.dto;

/** Shapes of identifiers accepted in bodies and paths. */
public final class Ids {
    public static final String SUBJECT = "[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}";
    public static final String SUBJECT_MESSAGE = "1-128 letters, digits or . _ : @ -";

    private Ids() {
    }
}
