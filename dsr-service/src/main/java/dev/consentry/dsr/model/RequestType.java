package dev.consentry.dsr.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.EnumSet;
import java.util.Set;

/** Request types of R1; in the API, the events and the database by their lowercase names ({@code consent_withdrawal}). */
public enum RequestType {
    ACCESS, CORRECTION, ERASURE, RESTRICTION, OBJECTION, CONSENT_WITHDRAWAL, PORTABILITY;

    /** Types about purposes (they carry {@code purposes}). */
    public static final Set<RequestType> ABOUT_PURPOSES = EnumSet.of(OBJECTION, CONSENT_WITHDRAWAL);
    /** Types that may narrow their scope with {@code categories}. */
    public static final Set<RequestType> ABOUT_CATEGORIES = EnumSet.of(ERASURE, RESTRICTION, ACCESS, PORTABILITY);

    /** The name in the API, the events and the database. */
    @JsonValue
    public String wire() {
        return WireNames.of(this);
    }

    /** The type named {@code wire}; an unknown name is an {@link IllegalArgumentException}. */
    @JsonCreator
    public static RequestType of(String wire) {
        return WireNames.parse(RequestType.class, wire);
    }

    /** Stored by its name in the API. */
    public static class Column extends WireNames.Column<RequestType> {
        public Column() {
            super(RequestType.class);
        }
    }
}
