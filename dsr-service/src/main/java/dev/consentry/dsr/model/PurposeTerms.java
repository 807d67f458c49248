package dev.consentry.dsr.model;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;

/** A purpose's terms as consent-service announced them (R14): the recipients a consent to it covers. */
@Entity
@Table(name = "purpose_terms")
public class PurposeTerms extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    @Column(name = "legal_basis", nullable = false)
    public String legalBasis;

    @Column(nullable = false)
    public String[] recipients;

    @Column(name = "defined_at", nullable = false)
    public Instant definedAt;

    @Embeddable
    public record Key(@Column(name = "tenant") String tenant, @Column(name = "purpose_id") String purposeId)
            implements Serializable {
    }
}
