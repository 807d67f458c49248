package dev.consentry.audit.model;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;

/** A complete subtree of a tenant's tree: leaves [idx * 2^level, (idx + 1) * 2^level). Written once, never changed. */
@Entity
@Table(name = "audit_tree_node")
public class AuditTreeNode extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    @Column(nullable = false)
    public byte[] hash;

    public static AuditTreeNode of(String tenant, int level, long idx, byte[] hash) {
        AuditTreeNode n = new AuditTreeNode();
        n.key = new Key(tenant, level, idx);
        n.hash = hash;
        return n;
    }

    @Embeddable
    public record Key(@Column(name = "tenant") String tenant, @Column(name = "level") int level,
                      @Column(name = "idx") long idx) implements Serializable {
    }
}
