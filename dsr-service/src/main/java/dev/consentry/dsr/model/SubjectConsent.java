package dev.consentry.dsr.model;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;

/** A subject's latest consent decision for one purpose, as consent-service announced it. */
@Entity
@Table(name = "subject_consent")
public class SubjectConsent extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    /** given, refused, withdrawn or expired. */
    @Column(nullable = false)
    public String decision;

    @Column(name = "decided_at", nullable = false)
    public Instant decidedAt;

    @Column(name = "notice_version")
    public String noticeVersion;

    @Embeddable
    public record Key(@Column(name = "tenant") String tenant, @Column(name = "subject_key") String subjectKey,
                      @Column(name = "purpose_id") String purposeId) implements Serializable {
    }
}
