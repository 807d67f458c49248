package dev.consentry.console.service;

import dev.consentry.console.client.Request;

import java.time.Duration;
import java.time.Instant;

/** One line of the queue: the request and its marks at {@code now}. */
public record QueueRow(Request request, boolean overdue, boolean legallyOverdue, boolean dueSoon, boolean partnerLate) {

    /** Due within this window counts as due soon. */
    public static final Duration DUE_SOON = Duration.ofHours(72);

    public static QueueRow of(Request r, Instant now) {
        boolean open = r.open();
        boolean overdue = open && r.dueAt() != null && r.dueAt().isBefore(now);
        boolean legallyOverdue = open && r.legalDueAt() != null && r.legalDueAt().isBefore(now);
        boolean dueSoon = open && !overdue && r.dueAt() != null && r.dueAt().isBefore(now.plus(DUE_SOON));
        boolean partnerLate = r.noticesOrNone().stream().anyMatch(n -> n.lateAt(now));
        return new QueueRow(r, overdue, legallyOverdue, dueSoon, partnerLate);
    }
}
