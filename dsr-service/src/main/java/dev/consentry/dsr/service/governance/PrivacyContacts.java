package dev.consentry.dsr.service.governance;

import dev.consentry.dsr.model.TenantPrivacyContact;
import dev.consentry.dsr.repository.TenantPrivacyContactRepository;
import dev.consentry.dsr.service.view.PrivacyContact;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** The tenants' controller and privacy contact (R13), and how a customer complains with it (R8, R11). */
@ApplicationScoped
public class PrivacyContacts {

    private final Clock clock;
    private final TenantPrivacyContactRepository privacyContacts;

    public PrivacyContacts(Clock clock, TenantPrivacyContactRepository privacyContacts) {
        this.privacyContacts = privacyContacts;
        this.clock = clock;
    }

    @WithSession
    public Uni<Optional<PrivacyContact>> find(String tenant) {
        return of(tenant);
    }

    /** The tenant's contact, in the caller's session. */
    public Uni<Optional<PrivacyContact>> of(String tenant) {
        return privacyContacts.findById(tenant)
                .map(c -> Optional.ofNullable(c).map(PrivacyContacts::view));
    }

    @WithTransaction
    public Uni<PrivacyContact> put(String tenant, PrivacyContact contact) {
        return privacyContacts.findById(tenant).flatMap(existing -> {
            TenantPrivacyContact c = existing != null ? existing : new TenantPrivacyContact();
            c.tenant = tenant;
            c.controllerName = contact.controllerName();
            c.controllerAddress = contact.controllerAddress();
            c.contactName = contact.contactName();
            c.contactEmail = contact.contactEmail();
            c.contactPhone = contact.contactPhone();
            c.openingHours = contact.openingHours();
            c.complaintChannel = contact.complaintChannel();
            c.authorityName = contact.authorityName();
            c.authorityUrl = contact.authorityUrl();
            c.updatedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
            return (existing != null ? Uni.createFrom().item(c) : privacyContacts.persist(c))
                    .map(PrivacyContacts::view);
        });
    }

    /**
     * How to complain (R8, R11): the shop's own channel first, when the shop published one, then the authority — the
     * shop's named authority, or the one of the jurisdiction.
     */
    public static String howToComplain(Optional<PrivacyContact> contact, String jurisdiction) {
        if (contact.isEmpty()) {
            return ComplaintAuthorities.howToComplain(jurisdiction);
        }
        PrivacyContact c = contact.get();
        String authority = c.authorityName() == null ? ComplaintAuthorities.howToComplain(jurisdiction)
                : "You may also complain to " + c.authorityName()
                + (c.authorityUrl() == null ? "" : " (" + c.authorityUrl() + ")") + ".";
        return "First, tell " + c.controllerName() + ": " + c.howToReach() + ". If you are not satisfied: " + authority;
    }

    static PrivacyContact view(TenantPrivacyContact c) {
        return new PrivacyContact(c.controllerName, c.controllerAddress, c.contactName, c.contactEmail, c.contactPhone,
                c.openingHours, c.complaintChannel, c.authorityName, c.authorityUrl);
    }
}
