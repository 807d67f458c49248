package dev.consentry.audit.model;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Size and latest hash of one tenant's chain. */
@Entity
@Table(name = "audit_log_head")
public class AuditLogHead extends PanacheEntityBase {

    @Id
    public String tenant;

    public long size;

    @Column(name = "head_hash", nullable = false)
    public String headHash;
}
