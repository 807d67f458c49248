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
 * One step the retention schedule took for one subject (R9, R10). Unique per rule (or step), subject and the date
 * that started the period: claimed in the transaction that sends the step's notices, so it happens exactly once.
 */
@Entity
@IdClass(TenantScopedId.class)
@Table(name = "retention_action")
public class RetentionAction extends PanacheEntityBase {

    @Id
    public UUID id;

    @Id
    @Column(nullable = false)
    public String tenant;

    @Column(name = "subject_key", nullable = false)
    public String subjectKey;

    /** The tenant's rule id, {@code hold:<requestId>:<category>}, or {@code dormancy:<step>}. */
    @Column(name = "rule_id", nullable = false)
    public String ruleId;

    /** See {@link dev.consentry.dsr.service.retention.ActionKinds}. */
    @Column(nullable = false)
    public String kind;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @Column(name = "due_at", nullable = false)
    public Instant dueAt;

    @Column(name = "acted_at", nullable = false)
    public Instant actedAt;

    /** Empty: all of the subject's data. */
    @Column(nullable = false)
    public String[] categories;

    /** notices_sent, nothing_held, subject_erased, mail_queued or cancelled. */
    @Column(nullable = false)
    public String outcome;

    /** The request that carries the step's notices, if notices went out. */
    @Column(name = "request_id")
    public UUID requestId;
}
