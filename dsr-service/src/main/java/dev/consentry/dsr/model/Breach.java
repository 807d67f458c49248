package dev.consentry.dsr.model;

import dev.consentry.platform.persistence.TenantScopedId;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * An entry of the breach register (R12): what happened, to which data, to about how many people, what it may cause,
 * what was done; the 72-hour clock to notify the authority; whether the people affected are told, and how.
 */
@Entity
@IdClass(TenantScopedId.class)
@Table(name = "breach")
public class Breach extends PanacheEntityBase {

    @Id
    public UUID id;

    @Id
    @Column(nullable = false)
    public String tenant;

    @Column(name = "detected_at", nullable = false)
    public Instant detectedAt;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @Column(nullable = false)
    public String nature;

    @Column(nullable = false)
    public String[] categories;

    @Column(name = "approx_subjects", nullable = false)
    public long approxSubjects;

    @Column(name = "approx_records", nullable = false)
    public long approxRecords;

    @Column(nullable = false)
    public String consequences;

    @Column(nullable = false)
    public String measures;

    /** Detection plus 72 clock hours (GDPR Art. 33(1), Vietnam Decree 356). */
    @Column(name = "authority_due_at", nullable = false)
    public Instant authorityDueAt;

    @Column(name = "authority_notified_at")
    public Instant authorityNotifiedAt;

    @Column(name = "authority_reference")
    public String authorityReference;

    /** Why the authority was notified after the 72 hours (GDPR Art. 33(1)). */
    @Column(name = "late_reason")
    public String lateReason;

    /** notify or not_required. */
    @Column(name = "subjects_decision")
    public String subjectsDecision;

    @Column(name = "subjects_decision_reason")
    public String subjectsDecisionReason;

    /** JSON [{channel, sentAt, recipients}]: the notifications sent to the people affected. */
    @Column(name = "subjects_notifications")
    public String subjectsNotifications;

    @Column(name = "due_soon_raised_at")
    public Instant dueSoonRaisedAt;

    @Column(name = "overdue_raised_at")
    public Instant overdueRaisedAt;

    /** Incremented by every change; each change is an event. */
    @Column(nullable = false)
    public int version;
}
