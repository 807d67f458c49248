package dev.consentry.consent.model;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;

import java.io.Serializable;
import java.time.Instant;

/** A purpose of processing in a tenant's catalogue. */
@Entity
public class Purpose extends PanacheEntityBase {

    public static final String CONSENT = "consent";

    @EmbeddedId
    public Key key;

    @Column(name = "legal_basis", nullable = false)
    public String legalBasis;

    public boolean optional;

    /** Display names per language, as a JSON object. */
    @Column(nullable = false)
    public String names;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public boolean needsConsent() {
        return CONSENT.equals(legalBasis);
    }

    @Embeddable
    public record Key(@Column(name = "tenant") String tenant, @Column(name = "id") String id) implements Serializable {
    }
}
