package dev.consentry.dsr.model;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;

/**
 * One of the tenant's retention rules (R9): the data categories it covers (optionally only as processed for one
 * purpose), why they are kept, for how long, from which event, and what happens then.
 */
@Entity
@Table(name = "retention_rule")
public class RetentionRule extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    @Column(nullable = false)
    public String[] categories;

    /** Consent triggers name the purpose whose consent was withdrawn or expired. */
    public String purpose;

    @Column(name = "legal_basis", nullable = false)
    public String legalBasis;

    /** ISO-8601 period, e.g. P5Y, P6M, P180D. */
    @Column(nullable = false)
    public String period;

    /** See {@link dev.consentry.dsr.service.retention.Triggers}. */
    @Column(nullable = false)
    public String trigger;

    /** erase or anonymise. */
    @Column(nullable = false)
    public String action;

    /** The preset that added the rule, if one did. */
    public String preset;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Embeddable
    public record Key(@Column(name = "tenant") String tenant, @Column(name = "id") String id) implements Serializable {
    }
}
