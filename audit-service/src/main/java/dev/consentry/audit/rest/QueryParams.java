package dev.consentry.audit.rest;

import dev.consentry.audit.service.StaffAccess;
import dev.consentry.platform.problem.ProblemException;
import dev.consentry.platform.security.Caller;
import dev.consentry.platform.security.Roles;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Parsing shared by the audit resources. */
final class QueryParams {

    static final String EVENT_TYPE = "dev\\.consentry\\.[a-z-]+(\\.[a-z-]+)*\\.v[0-9]+";

    private QueryParams() {
    }

    static Instant instant(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("invalid-" + name, name + " must be an ISO-8601 instant.");
        }
    }

    /** Staff (dpo, auditor) reading evidence; a subject reading their own is not staff access. */
    static StaffAccess.Reader reader(Caller caller) {
        String role = caller.hasRole(Roles.DPO) ? Roles.DPO : caller.hasRole(Roles.AUDITOR) ? Roles.AUDITOR : Roles.SUBJECT;
        boolean staff = !Roles.SUBJECT.equals(role);
        return new StaffAccess.Reader(staff ? caller.principal() : caller.subjectId(), role, staff);
    }
}
