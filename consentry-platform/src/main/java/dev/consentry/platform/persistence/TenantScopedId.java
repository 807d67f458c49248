package dev.consentry.platform.persistence;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/**
 * The identity of a shop's row that has an id of its own: the tenant and the id, as its table's primary key is
 * (the tenant leads every key, so the tables can be sharded by tenant). For an entity with {@code tenant} and
 * {@code id} fields, both annotated {@code @Id}, under {@code @IdClass(TenantScopedId.class)}: what the ORM writes
 * then names the tenant too.
 */
public class TenantScopedId implements Serializable {

    public String tenant;
    public UUID id;

    public TenantScopedId() {
    }

    public TenantScopedId(String tenant, UUID id) {
        this.tenant = tenant;
        this.id = id;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TenantScopedId other && Objects.equals(tenant, other.tenant) && Objects.equals(id, other.id);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tenant, id);
    }
}
