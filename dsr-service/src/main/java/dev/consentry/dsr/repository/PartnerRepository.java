package dev.consentry.dsr.repository;

import dev.consentry.dsr.model.Partner;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
@WithSession
public class PartnerRepository implements PanacheRepositoryBase<Partner, String> {

    /** Partners of the installation (not shops' own systems), by id, one page. */
    public Uni<List<Partner>> installationPartners(int page, int size) {
        return find("ownerTenant is null order by id").page(page, size).list();
    }
}
