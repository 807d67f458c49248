package dev.consentry.audit.model;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;

/**
 * One event in a tenant's log. {@code data} is the event's data as received when it holds no personal value (consent
 * and request events), and sealed under the subject's key when it does (partner notices and replies, A3).
 */
@Entity
@Table(name = "audit_entry")
public class AuditEntry extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    @Column(name = "event_id", nullable = false)
    public String eventId;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    @Column(nullable = false)
    public String source;

    /**
     * The channel the event was read on ({@code consent}, {@code dsr}, {@code partner-notices},
     * {@code partner-replies}) or {@code audit-service} for this service's own entries; an event id is unique per
     * channel. Null for entries written before channels were recorded.
     */
    public String channel;

    @Column(name = "subject_key")
    public String subjectKey;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @Column(nullable = false)
    public String data;

    /** RFC 9162 leaf hash of {@link dev.consentry.audit.verifier.LeafData} of this entry, base64. */
    @Column(name = "leaf_hash", nullable = false)
    public String leafHash;

    @Embeddable
    public record Key(@Column(name = "tenant") String tenant, @Column(name = "seq") long seq) implements Serializable {
    }
}
