package dev.consentry.dsr.rest.dto;

/** Shape of a data category / field name in requests and the registry. */
public final class Fields {
    /** A data category / field name, e.g. shippingAddress. */
    public static final String NAME = "[a-zA-Z][a-zA-Z0-9_]{0,63}";

    private Fields() {
    }
}
