package dev.consentry.dsr.model;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;

/** What the storefront told Consentry about a customer's account (R9, R10): the dates retention periods start from. */
@Entity
@Table(name = "subject_lifecycle")
public class SubjectLifecycle extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    /** The subject id, sealed under the subject's key: the schedule's notices name the customer to the systems. */
    @Column(name = "subject_id_sealed", nullable = false)
    public String subjectIdSealed;

    /** The latest login or other activity of the customer; dormancy counts from it. */
    @Column(name = "last_activity_at")
    public Instant lastActivityAt;

    @Column(name = "account_closed_at")
    public Instant accountClosedAt;

    @Column(name = "last_order_at")
    public Instant lastOrderAt;

    @Embeddable
    public record Key(@Column(name = "tenant") String tenant, @Column(name = "subject_key") String subjectKey)
            implements Serializable {
    }
}
