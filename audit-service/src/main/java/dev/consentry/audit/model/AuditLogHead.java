package dev.consentry.audit.model;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Size, root and right edge of one tenant's tree; appends lock this row, so entries get consecutive numbers. */
@Entity
@Table(name = "audit_log_head")
public class AuditLogHead extends PanacheEntityBase {

    @Id
    public String tenant;

    public long size;

    /** MTH of the whole log, base64. */
    @Column(name = "root_hash", nullable = false)
    public String rootHash;

    /** Per level, the complete subtree on the right edge (base64) where the size has a 1 bit; "" elsewhere. */
    @Column(nullable = false)
    public String[] frontier;
}
