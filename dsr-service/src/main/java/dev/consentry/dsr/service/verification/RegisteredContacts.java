package dev.consentry.dsr.service.verification;

import dev.consentry.dsr.model.SubjectContact;
import dev.consentry.dsr.repository.SubjectContactRepository;
import dev.consentry.platform.subject.SubjectKeys;
import dev.consentry.platform.vault.SubjectCipher;
import dev.consentry.platform.vault.SubjectVault;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The contacts a shop registered for its customers (R2, S4): written by the storefront, which knows its logged-in
 * customer, sealed under the subject's key. A one-time code goes only to the contact registered before the request
 * was received: whoever calls the shop's staff as a customer cannot have the code sent to an address of their own.
 */
@ApplicationScoped
public class RegisteredContacts {

    private final SubjectContactRepository contacts;
    private final SubjectVault vault;
    private final SubjectKeys subjectKeys;
    private final Clock clock;

    public RegisteredContacts(SubjectContactRepository contacts, SubjectVault vault, SubjectKeys subjectKeys, Clock clock) {
        this.contacts = contacts;
        this.vault = vault;
        this.subjectKeys = subjectKeys;
        this.clock = clock;
    }

    /** The customer's registered contact: the address, and the language they read (null: not told). */
    public record Contact(String email, String language) {
    }

    /**
     * Registers (or replaces) the subject's e-mail contact and the language they read (may be null), in the caller's
     * transaction or a new one.
     */
    @WithTransaction
    public Uni<Void> register(String tenant, String subjectId, String email, String language) {
        String subjectKey = subjectKeys.of(tenant, subjectId);
        return vault.cipher(tenant, subjectKey).flatMap(cipher -> contacts.find(tenant, subjectKey).flatMap(existing -> {
            SubjectContact contact = existing != null ? existing : new SubjectContact();
            contact.key = new SubjectContact.Key(tenant, subjectKey);
            contact.emailSealed = cipher.seal(email);
            contact.language = language;
            contact.registeredAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
            return existing != null ? Uni.createFrom().voidItem() : contacts.persist(contact).replaceWithVoid();
        }));
    }

    /** The e-mail address registered for the subject before {@code receivedAt}, if any. */
    public Uni<Optional<String>> registeredBefore(String tenant, String subjectKey, Instant receivedAt, SubjectCipher cipher) {
        return contacts.find(tenant, subjectKey).map(contact -> contact == null || !contact.registeredAt.isBefore(receivedAt)
                ? Optional.empty() : cipher.open(contact.emailSealed));
    }

    /** The contact registered for the subject now, if any. */
    public Uni<Optional<Contact>> current(String tenant, String subjectKey, SubjectCipher cipher) {
        return contacts.find(tenant, subjectKey).map(contact -> contact == null ? Optional.empty()
                : cipher.open(contact.emailSealed).map(email -> new Contact(email, contact.language)));
    }
}
