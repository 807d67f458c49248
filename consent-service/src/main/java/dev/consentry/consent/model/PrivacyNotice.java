package dev.consentry.consent.model;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;

/** One version of a tenant's privacy notice in one language (C7). */
@Entity
@Table(name = "privacy_notice")
public class PrivacyNotice extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    /** The notice text, when the tenant gives it; otherwise {@link #url}. */
    public String text;

    public String url;

    /** SHA-256 of the exact text, hex. */
    @Column(name = "content_hash", nullable = false)
    public String contentHash;

    @Column(nullable = false)
    public String[] purposes;

    /** Purposes whose terms this version changes: their consents need renewal. */
    @Column(name = "changed_purposes", nullable = false)
    public String[] changedPurposes;

    @Column(name = "what_changed")
    public String whatChanged;

    @Column(name = "announced_at", nullable = false)
    public Instant announcedAt;

    @Column(name = "effective_at", nullable = false)
    public Instant effectiveAt;

    @Embeddable
    public record Key(@Column(name = "tenant") String tenant, @Column(name = "version") String version,
                      @Column(name = "language") String language) implements Serializable {
    }
}
