package dev.consentry.dsr.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.EnumSet;
import java.util.Set;

/**
 * The request lifecycle: received (waiting for identity verification when filed by staff) → identity_verified →
 * awaiting_partners → completed / partially_completed; or denied, or cancelled before any partner was notified. In the
 * API, the events and the database by their lowercase names.
 */
public enum RequestStatus {
    RECEIVED, IDENTITY_VERIFIED, AWAITING_PARTNERS, COMPLETED, PARTIALLY_COMPLETED, DENIED, CANCELLED;

    /** The states a request ends in. */
    public static final Set<RequestStatus> DONE = EnumSet.of(COMPLETED, PARTIALLY_COMPLETED);

    /** The name in the API, the events and the database. */
    @JsonValue
    public String wire() {
        return WireNames.of(this);
    }

    /** The status named {@code wire}; an unknown name is an {@link IllegalArgumentException}. */
    @JsonCreator
    public static RequestStatus of(String wire) {
        return WireNames.parse(RequestStatus.class, wire);
    }

    /** Stored by its name in the API. */
    public static class Column extends WireNames.Column<RequestStatus> {
        public Column() {
            super(RequestStatus.class);
        }
    }
}
