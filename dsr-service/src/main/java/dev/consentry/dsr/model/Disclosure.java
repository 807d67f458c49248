package dev.consentry.dsr.model;

import dev.consentry.platform.persistence.TenantScopedId;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;

import java.time.Instant;
import java.util.UUID;

/** One entry of the disclosure ledger (R4). */
@Entity
@IdClass(TenantScopedId.class)
public class Disclosure extends PanacheEntityBase {

    @Id
    public UUID id;

    @Id
    @Column(nullable = false)
    public String tenant;

    @Column(name = "subject_key", nullable = false)
    public String subjectKey;

    @Column(name = "recipient_id", nullable = false)
    public String recipientId;

    @Column(nullable = false)
    public String[] categories;

    /** consent, contract, legal_obligation, legitimate_interest or authority_request. */
    @Column(nullable = false)
    public String basis;

    @Column(name = "disclosed_at", nullable = false)
    public Instant disclosedAt;

    @Column(name = "authority_agency")
    public String authorityAgency;

    @Column(name = "authority_legal_basis")
    public String authorityLegalBasis;

    /** The subject id sealed under the subject's key: consent withdrawals name only the key, partners need the id. */
    @Column(name = "subject_id_sealed")
    public String subjectIdSealed;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    /** The purpose the disclosure served, when given. */
    public String purpose;
}
