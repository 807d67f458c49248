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

/** A complaint about how the shop handles personal data (R11); its text and answer are sealed under the subject's key. */
@Entity
@IdClass(TenantScopedId.class)
@Table(name = "complaint")
public class Complaint extends PanacheEntityBase {

    @Id
    public UUID id;

    @Id
    @Column(nullable = false)
    public String tenant;

    @Column(name = "subject_key", nullable = false)
    public String subjectKey;

    /** subject, storefront or dpo. */
    @Column(name = "filed_by", nullable = false)
    public String filedBy;

    @Column(nullable = false)
    public String category;

    /** The request complained about, if any. */
    @Column(name = "request_id")
    public UUID requestId;

    @Column(nullable = false)
    public String jurisdiction;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Column(name = "due_at", nullable = false)
    public Instant dueAt;

    /** open or answered. */
    @Column(nullable = false)
    public String status;

    @Column(name = "details_sealed")
    public String detailsSealed;

    /** upheld, partially_upheld or rejected. */
    public String outcome;

    @Column(name = "answer_sealed")
    public String answerSealed;

    @Column(name = "answered_at")
    public Instant answeredAt;

    @Column(name = "overdue_raised_at")
    public Instant overdueRaisedAt;
}
