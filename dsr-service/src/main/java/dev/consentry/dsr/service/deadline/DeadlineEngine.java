package dev.consentry.dsr.service.deadline;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * Computes a request's due dates (R3): the legal period of its jurisdiction and type, counted in the jurisdiction's
 * calendar; moved later by the time spent waiting for the subject; at most one extension, asked with a reason before
 * the original due date; and a tenant's stricter promise (e.g. 24 hours), which can only make it earlier.
 */
public final class DeadlineEngine {

    private final WorkingCalendar calendar;

    public DeadlineEngine(WorkingCalendar calendar) {
        this.calendar = calendar;
    }

    /** A time the clock stood still, waiting for the subject. Callers close a pause still open at "now". */
    public record Pause(Instant from, Instant to) {
    }

    /** An extension that was granted: its length and the reason given to the subject. */
    public record Extension(Span length, String reason, Instant requestedAt) {
    }

    /** The due dates: {@code legalDueAt} is the law's; {@code dueAt} is what the tenant must meet (SLA included). */
    public record Deadline(Instant legalDueAt, Instant dueAt, Instant acknowledgeBy) {
    }

    public Deadline compute(String jurisdiction, String requestType, Instant receivedAt, boolean thirdPartyInvolved,
                            List<Pause> pauses, Extension extension, Duration tenantSla) {
        LegalRule rule = LegalRules.rule(jurisdiction, requestType);
        Span period = rule.period(thirdPartyInvolved);
        Instant original = add(jurisdiction, receivedAt, period);
        Instant legal = extension == null ? original : extended(jurisdiction, receivedAt, original, period, extension.length());
        Duration paused = paused(pauses);
        legal = legal.plus(paused);
        Instant due = tenantSla == null ? legal : earliest(legal, receivedAt.plus(tenantSla).plus(paused));
        Span ack = LegalRules.acknowledge(jurisdiction);
        return new Deadline(legal, due, ack.isNone() ? null : add(jurisdiction, receivedAt, ack));
    }

    /**
     * Checks an extension against the rule: one only, with a reason, asked before the original due date, no longer
     * than the law allows. Returns why it is refused, or null when it may be granted.
     */
    public String refusal(String jurisdiction, String requestType, Instant receivedAt, boolean thirdPartyInvolved,
                          List<Pause> pauses, Extension existing, Extension asked) {
        LegalRule rule = LegalRules.rule(jurisdiction, requestType);
        if (existing != null) {
            return "a request may be extended once only";
        }
        if (rule.maxExtension().isNone()) {
            return "the law of " + jurisdiction + " allows no extension for " + requestType;
        }
        if (asked.reason() == null || asked.reason().isBlank()) {
            return "an extension needs a reason, which is sent to the subject";
        }
        if (!fits(asked.length(), rule.maxExtension())) {
            return "the extension may be at most " + describe(rule.maxExtension());
        }
        Instant originalDue = compute(jurisdiction, requestType, receivedAt, thirdPartyInvolved, pauses, null, null)
                .legalDueAt();
        if (!asked.requestedAt().isBefore(originalDue)) {
            return "an extension must be notified before the original due date";
        }
        return null;
    }

    /**
     * The due date with an extension. Months and months make one period counted from the day of receipt, as Regulation
     * 1182/71 counts periods (Art. 3(2)(c)): received 31 January, one month plus two is 30 April — not 28 April, which
     * adding two months to 28 February would give. Other units continue from the original due date.
     */
    private Instant extended(String jurisdiction, Instant receivedAt, Instant original, Span period, Span extension) {
        if (period.unit() == Span.Unit.MONTHS && extension.unit() == Span.Unit.MONTHS) {
            return add(jurisdiction, receivedAt, Span.months(period.amount() + extension.amount()));
        }
        return add(jurisdiction, original, extension);
    }

    Instant add(String jurisdiction, Instant from, Span span) {
        ZoneId zone = LegalRules.zone(jurisdiction);
        ZonedDateTime start = from.atZone(zone);
        ZonedDateTime end = switch (span.unit()) {
            case CALENDAR_DAYS -> start.plusDays(span.amount());
            case MONTHS -> start.plusMonths(span.amount());
            case WORKING_DAYS -> ZonedDateTime.of(
                    calendar.plusWorkingDays(jurisdiction, start.toLocalDate(), span.amount()), start.toLocalTime(), zone);
        };
        return end.toInstant();
    }

    private static Duration paused(List<Pause> pauses) {
        Duration total = Duration.ZERO;
        for (Pause p : pauses == null ? List.<Pause>of() : pauses) {
            Instant end = p.to() == null ? p.from() : p.to();
            if (end.isAfter(p.from())) {
                total = total.plus(Duration.between(p.from(), end));
            }
        }
        return total;
    }

    private static boolean fits(Span asked, Span max) {
        if (asked.unit() != max.unit()) {
            return false;
        }
        return asked.amount() > 0 && asked.amount() <= max.amount();
    }

    private static String describe(Span span) {
        return span.amount() + " " + span.unit().name().toLowerCase().replace('_', ' ');
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
