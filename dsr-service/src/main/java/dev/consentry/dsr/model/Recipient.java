package dev.consentry.dsr.model;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;

import java.io.Serializable;
import java.time.Instant;

/** A system or partner that holds some of the tenant's customer data: an entry of the shop's registry (R4). */
@Entity
public class Recipient extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    @Column(nullable = false)
    public String name;

    /** internal_store, shipping_carrier, analytics, advertising, email_marketing, payment, other. */
    @Column(nullable = false)
    public String kind;

    @Column(name = "data_categories", nullable = false)
    public String[] dataCategories;

    /** Purposes (ids of the consent catalogue) the recipient processes data for; objections and withdrawals reach it. */
    @Column(nullable = false)
    public String[] purposes;

    /** The partner (an identity of the installation, or the shop's own system) whose topics carry its notices. */
    @Column(name = "partner_id", nullable = false)
    public String partnerId;

    @Column(name = "reply_within_days", nullable = false)
    public int replyWithinDays;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** The agreement on file (R14): its reference; null when none is on file. */
    @Column(name = "agreement_reference")
    public String agreementReference;

    /** processor or controller. */
    @Column(name = "agreement_role")
    public String agreementRole;

    /** The purposes the agreement allows the recipient to use the data for. */
    @Column(name = "agreement_purposes")
    public String[] agreementPurposes;

    /** ISO 3166 country where the recipient processes the data (cross-border transfers). */
    @Column(name = "agreement_country")
    public String agreementCountry;

    @Column(name = "agreement_valid_until")
    public Instant agreementValidUntil;

    @Embeddable
    public record Key(@Column(name = "tenant") String tenant, @Column(name = "id") String id) implements Serializable {
    }
}
