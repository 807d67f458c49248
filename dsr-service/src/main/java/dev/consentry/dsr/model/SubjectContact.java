package dev.consentry.dsr.model;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;

/** The contact a shop registered for one of its customers (R2, S4); one-time codes go only here. */
@Entity
@Table(name = "subject_contact")
public class SubjectContact extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    /** The e-mail address, sealed under the subject's key (an erasure destroys it with the key). */
    @Column(name = "email_sealed", nullable = false)
    public String emailSealed;

    @Column(name = "registered_at", nullable = false)
    public Instant registeredAt;

    /** The language the customer reads (BCP 47, e.g. ko, vi, en), for what Consentry writes to them; may be null. */
    public String language;

    @Embeddable
    public record Key(@Column(name = "tenant") String tenant, @Column(name = "subject_key") String subjectKey)
            implements Serializable {
    }
}
