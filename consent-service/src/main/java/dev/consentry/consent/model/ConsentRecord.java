package dev.consentry.consent.model;

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
 * One decision of one subject on one purpose, with its evidence (C3). Never updated: a later decision is a new row.
 * The subject is stored as its keyed hash only.
 */
@Entity
@IdClass(TenantScopedId.class)
@Table(name = "consent_record")
public class ConsentRecord extends PanacheEntityBase {

    @Id
    public UUID id;

    /** Insertion order, assigned by the database; the latest row per purpose is the current decision. */
    @Column(insertable = false, updatable = false)
    public Long seq;

    @Id
    @Column(nullable = false)
    public String tenant;

    @Column(name = "subject_key", nullable = false)
    public String subjectKey;

    @Column(name = "purpose_id", nullable = false)
    public String purposeId;

    @Column(nullable = false)
    public String decision;

    @Column(name = "decided_at", nullable = false)
    public Instant decidedAt;

    @Column(nullable = false)
    public String method;

    @Column(nullable = false)
    public String channel;

    @Column(name = "collection_point", nullable = false)
    public String collectionPoint;

    @Column(name = "notice_version")
    public String noticeVersion;

    public String language;

    /** subject, guardian, agent, staff, or system (an expiry). */
    @Column(nullable = false)
    public String actor;

    /** SHA-256 of the exact notice text shown, hex. */
    @Column(name = "notice_hash")
    public String noticeHash;

    /** The signal as received, e.g. "Sec-GPC: 1". */
    @Column(name = "raw_signal")
    public String rawSignal;

    /** Reference to the recorded proof of a guardian's or agent's authority. */
    @Column(name = "actor_proof")
    public String actorProof;

    /** A caller's raw signal, sealed under the subject's key (an erasure makes it unreadable). */
    @Column(name = "raw_signal_sealed")
    public String rawSignalSealed;

    /** A guardian's or agent's proof, sealed under the subject's key. */
    @Column(name = "actor_proof_sealed")
    public String actorProofSealed;
}
