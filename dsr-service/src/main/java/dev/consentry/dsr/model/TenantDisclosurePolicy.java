package dev.consentry.dsr.model;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Whether the tenant tells its customers of each disclosure (R14; one policy promises it). */
@Entity
@Table(name = "tenant_disclosure_policy")
public class TenantDisclosurePolicy extends PanacheEntityBase {

    @Id
    public String tenant;

    @Column(name = "tell_subject", nullable = false)
    public boolean tellSubject;
}
