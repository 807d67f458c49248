package dev.consentry.dsr.repository;

import dev.consentry.dsr.model.Recipient;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
@WithSession
public class RecipientRepository implements PanacheRepositoryBase<Recipient, Recipient.Key> {

    public Uni<Recipient> find(String tenant, String id) {
        return findById(new Recipient.Key(tenant, id));
    }

    /** The shop's entry for {@code partnerId}, if the shop linked it. */
    public Uni<Recipient> linked(String tenant, String partnerId) {
        return find("key.tenant = ?1 and partnerId = ?2", tenant, partnerId).firstResult();
    }

    /** One page of the tenant's registry, by id. */
    public Uni<List<Recipient>> pageForTenant(String tenant, int page, int size) {
        return find("key.tenant = ?1 order by key.id", new Object[]{tenant}).page(page, size).list();
    }

    public Uni<List<Recipient>> listForTenant(String tenant) {
        return list("key.tenant = ?1 order by key.id", tenant);
    }
}
