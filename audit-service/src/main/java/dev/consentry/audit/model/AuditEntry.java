package dev.consentry.audit.model;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;

/** One event in a tenant's log. {@code data} holds the event's data as received: by contract, no personal values. */
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

    @Column(name = "subject_key")
    public String subjectKey;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @Column(nullable = false)
    public String data;

    @Column(name = "prev_hash", nullable = false)
    public String prevHash;

    @Column(name = "entry_hash", nullable = false)
    public String entryHash;

    @Embeddable
    public record Key(@Column(name = "tenant") String tenant, @Column(name = "seq") long seq) implements Serializable {
    }
}
