package dev.consentry.platform.validation;

import dev.consentry.platform.problem.ProblemException;

import java.util.UUID;

/** Ids that are UUIDs, as they arrive in request paths. */
public final class Uuids {

    private Uuids() {
    }

    /** Parses a UUID from a path; anything else is a 400 problem naming what was expected. */
    public static UUID fromPath(String value, String what) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("invalid-id", "A " + what + " id is a UUID.");
        }
    }
}
