package dev.consentry.dsr.model;

import dev.consentry.platform.persistence.TenantScopedId;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A data-subject request and where it stands. */
@Entity
@IdClass(TenantScopedId.class)
@Table(name = "dsr_request")
public class DsrRequest extends PanacheEntityBase {

    @Id
    public UUID id;

    @Id
    @Column(nullable = false)
    public String tenant;

    @Column(name = "subject_key", nullable = false)
    public String subjectKey;

    @Column(nullable = false)
    @Convert(converter = RequestType.Column.class)
    public RequestType type;

    @Column(nullable = false)
    @Convert(converter = RequestStatus.Column.class)
    public RequestStatus status;

    @Column(nullable = false)
    public String jurisdiction;

    /** The data categories (fields) the request is about, e.g. shippingAddress; empty for "all data". */
    @Column(nullable = false)
    public String[] fields;

    /** The role that filed it: storefront, subject or dpo; consent_signal for a withdrawal made in consent-service. */
    @Column(name = "filed_by", nullable = false)
    public String filedBy;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    /** The date to meet: the law's, or earlier under the tenant's SLA. */
    @Column(name = "due_at", nullable = false)
    public Instant dueAt;

    @Column(name = "legal_due_at", nullable = false)
    public Instant legalDueAt;

    /** Where the law sets an acknowledgement period (Vietnam, California); null otherwise. */
    @Column(name = "acknowledge_by")
    public Instant acknowledgeBy;

    @Column(name = "completed_at")
    public Instant completedAt;

    @Column(name = "third_party_involved", nullable = false)
    public boolean thirdPartyInvolved;

    /** The one extension (R3): its length, unit (calendar_days, working_days, months) and the reason given. */
    @Column(name = "extension_amount")
    public Integer extensionAmount;

    @Column(name = "extension_unit")
    public String extensionUnit;

    @Column(name = "extension_reason")
    public String extensionReason;

    @Column(name = "extended_at")
    public Instant extendedAt;

    /** R8: identity_not_verified, no_match, manifestly_unfounded, legal_exception, outside_jurisdiction. */
    @Column(name = "denial_reason")
    public String denialReason;

    /** What the subject is told beyond the reason; never logged. */
    @Column(name = "denial_explanation")
    public String denialExplanation;

    @Column(name = "due_soon_raised_at")
    public Instant dueSoonRaisedAt;

    @Column(name = "overdue_raised_at")
    public Instant overdueRaisedAt;

    /** Erasure: what was kept under legal holds, JSON [{category, reason, until}]. */
    public String retained;

    /**
     * With legal holds: the subject id sealed under a key of its own (vault entry {@code hold:<requestId>}), destroyed
     * when the last hold ends; the held data can still be named to the systems then, after the subject's key is gone.
     */
    @Column(name = "hold_subject_sealed")
    public String holdSubjectSealed;

    /** Set while the clock stands still waiting for the subject; the due dates move on resume. */
    @Column(name = "paused_at")
    public Instant pausedAt;

    @Column(name = "paused_reason")
    public String pausedReason;

    /** The subject id, sealed under the subject's data key: partners need it, lookups use subjectKey. */
    @Column(name = "subject_id_sealed")
    public String subjectIdSealed;

    /** The form as filed (corrections, categories, purposes), sealed; kept for a request awaiting its one-time code. */
    @Column(name = "details_sealed")
    public String detailsSealed;

    /** R2: storefront_assertion, subject_token or one_time_code; null until verified. */
    @Column(name = "verified_by")
    public String verifiedBy;

    @Column(name = "verified_at")
    public Instant verifiedAt;

    /** When a privacy officer entered a request received earlier by letter, phone or e-mail; null otherwise. */
    @Column(name = "entered_at")
    public Instant enteredAt;

    /** Why a request entered after its legal deadline had passed was entered so late (the officer's words). */
    @Column(name = "late_entry_reason")
    public String lateEntryReason;

    /** guardian or authorised_agent when someone acts for the subject; the proof is in representativeSealed. */
    @Column(name = "representative_relationship")
    public String representativeRelationship;

    @Column(name = "representative_sealed")
    public String representativeSealed;

    /** How a privacy officer verified the subject without a code (method and proof reference), sealed. */
    @Column(name = "verification_proof_sealed")
    public String verificationProofSealed;

    /** A restriction stays in force until a privacy officer lifts it. */
    @Column(name = "lifted_at")
    public Instant liftedAt;

    public boolean isOpen() {
        return completedAt == null;
    }
}
