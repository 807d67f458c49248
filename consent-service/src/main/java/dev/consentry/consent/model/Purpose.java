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

    /** What the purpose means, per language, as a JSON object (may be empty). */
    @Column(nullable = false)
    public String descriptions = "{}";

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "data_categories", nullable = false)
    public String[] dataCategories = new String[0];

    /** The data categories among {@link #dataCategories} that are sensitive (health, biometrics, …). */
    @Column(name = "sensitive_categories", nullable = false)
    public String[] sensitiveCategories = new String[0];

    /** Recipients (ids in dsr-service's registry) that receive data for this purpose. */
    @Column(nullable = false)
    public String[] recipients = new String[0];

    /** How long data is kept for this purpose, ISO-8601 period. */
    public String retention;

    /** Cross-border transfer terms as JSON (C8), or null. */
    @Column(name = "cross_border")
    public String crossBorder;

    /** How long a consent stays valid, ISO-8601 period (C10); null: no expiry. */
    public String validity;

    /** Sale or sharing of data / targeted advertising: a GPC signal opts out of it (C11). */
    @Column(name = "sale_or_sharing", nullable = false)
    public boolean saleOrSharing;

    /** Google Consent Mode v2 types this purpose stands for (ad_storage, analytics_storage, …). */
    @Column(name = "consent_mode_types", nullable = false)
    public String[] consentModeTypes = new String[0];

    public boolean needsConsent() {
        return CONSENT.equals(legalBasis);
    }

    @Embeddable
    public record Key(@Column(name = "tenant") String tenant, @Column(name = "id") String id) implements Serializable {
    }
}
