package dev.consentry.dsr.model;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;

/** A purpose's terms as consent-service announced them: the recipients a consent to it covers (R14), its names (R7). */
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

    /** The purpose's name per language, as a JSON object (empty for purposes learnt before names were announced). */
    @Column(nullable = false)
    public String names = "{}";

    /** What the purpose means, per language, as a JSON object. */
    @Column(nullable = false)
    public String descriptions = "{}";

    @Embeddable
    public record Key(@Column(name = "tenant") String tenant, @Column(name = "purpose_id") String purposeId)
            implements Serializable {
    }
}
