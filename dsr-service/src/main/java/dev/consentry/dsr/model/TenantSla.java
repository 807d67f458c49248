package dev.consentry.dsr.model;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A tenant's own deadline promise; it can only make a due date earlier than the law's. */
@Entity
@Table(name = "tenant_sla")
public class TenantSla extends PanacheEntityBase {

    @Id
    public String tenant;

    @Column(name = "sla_hours", nullable = false)
    public int slaHours;
}
