package dev.consentry.dsr.model;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** Who the tenant's controller is and how to reach its privacy contact (R13). Public by design. */
@Entity
@Table(name = "tenant_privacy_contact")
public class TenantPrivacyContact extends PanacheEntityBase {

    @Id
    public String tenant;

    @Column(name = "controller_name", nullable = false)
    public String controllerName;

    @Column(name = "controller_address", nullable = false)
    public String controllerAddress;

    @Column(name = "contact_name")
    public String contactName;

    @Column(name = "contact_email", nullable = false)
    public String contactEmail;

    @Column(name = "contact_phone")
    public String contactPhone;

    @Column(name = "opening_hours")
    public String openingHours;

    /** Where a customer complains to the shop: a web form's address, or how to reach it. */
    @Column(name = "complaint_channel", nullable = false)
    public String complaintChannel;

    @Column(name = "authority_name")
    public String authorityName;

    @Column(name = "authority_url")
    public String authorityUrl;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
