package dev.consentry.dsr.model;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;

/** A category of data a law requires the tenant to keep for a while even when erasure is asked (R6). */
@Entity
@Table(name = "legal_hold")
public class LegalHold extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    @Column(nullable = false)
    public String reason;

    /** ISO-8601 period, counted from the erasure request. */
    @Column(nullable = false)
    public String retain;

    @Embeddable
    public record Key(@Column(name = "tenant") String tenant, @Column(name = "category") String category)
            implements Serializable {
    }
}
