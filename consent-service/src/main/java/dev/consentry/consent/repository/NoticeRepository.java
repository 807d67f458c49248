package dev.consentry.consent.repository;

import dev.consentry.consent.model.PrivacyNotice;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
@WithSession
public class NoticeRepository implements PanacheRepositoryBase<PrivacyNotice, PrivacyNotice.Key> {

    public Uni<List<PrivacyNotice>> listForTenant(String tenant) {
        return list("key.tenant = ?1 order by announcedAt, key.version, key.language", tenant);
    }
}
