package dev.consentry.dsr.rest.dto;

/** Shapes of identifiers accepted in bodies and paths. */
public final class Fields {
    /** A data category / field name, e.g. shippingAddress. */
    public static final String NAME = "[a-zA-Z][a-zA-Z0-9_]{0,63}";
    public static final String SUBJECT = "[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}";

    private Fields() {
    }
}
