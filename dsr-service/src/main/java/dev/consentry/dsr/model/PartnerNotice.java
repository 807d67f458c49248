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

/** One notice sent to one recipient about one request, and the recipient's acknowledgement. */
@Entity
@IdClass(TenantScopedId.class)
@Table(name = "partner_notice")
public class PartnerNotice extends PanacheEntityBase {

    @Id
    public UUID id;

    @Id
    @Column(nullable = false)
    public String tenant;

    @Column(name = "request_id", nullable = false)
    public UUID requestId;

    @Column(name = "recipient_id", nullable = false)
    public String recipientId;

    /** The partner the notice went to: only its replies, on its own reply topic, count. */
    @Column(name = "partner_id", nullable = false)
    public String partnerId;

    /** correction, erasure, restriction, consent_withdrawn or access. */
    @Column(nullable = false)
    public String kind;

    @Column(name = "sent_at", nullable = false)
    public Instant sentAt;

    @Column(name = "reply_by", nullable = false)
    public Instant replyBy;

    @Column(name = "replied_at")
    public Instant repliedAt;

    /** completed, not_found, denied or exception; null while unanswered. */
    public String outcome;

    /** The recipient's own words, sealed under the subject's key (they may name the customer); never logged. */
    @Column(name = "reason_sealed")
    public String reasonSealed;

    /** Access tasks: the data the recipient returned, sealed under the subject's key. */
    @Column(name = "reply_data_sealed")
    public String replyDataSealed;

    /** When the missing acknowledgement was escalated (partner-overdue event). */
    @Column(name = "escalated_at")
    public Instant escalatedAt;

    public boolean answered() {
        return repliedAt != null;
    }
}
