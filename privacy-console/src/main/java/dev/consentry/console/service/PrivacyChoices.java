package dev.consentry.console.service;

import dev.consentry.console.client.ConsentApi;
import dev.consentry.console.client.Consents;
import dev.consentry.console.client.DsrApi;
import dev.consentry.console.client.Registry;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A customer's privacy choices as the privacy center shows them (U2): each purpose of the shop's catalogue in the
 * customer's language with what it means, the data it uses and who receives it, and whether the customer's consent
 * is in force — and the recording of a change as a consent record of the customer's own (C2: a toggle on the web).
 */
@RequestScoped
public class PrivacyChoices {

    /** Where the privacy center records consents: the collection point its records name. */
    public static final String COLLECTION_POINT = "privacy-center";

    /** One purpose for one customer. */
    public record Choice(String id, String name, String description, boolean byConsent, List<String> categories,
                         List<String> recipients, boolean allowed, Instant decidedAt, String recordId) {
    }

    private final ConsentApi consent;
    private final DsrApi dsr;
    private final Customer customer;
    private final Ui ui;

    public PrivacyChoices(@RestClient ConsentApi consent, @RestClient DsrApi dsr, Customer customer, Ui ui) {
        this.consent = consent;
        this.dsr = dsr;
        this.customer = customer;
        this.ui = ui;
    }

    /** Every purpose of the catalogue: those asked for consent first, then those needed for orders or by law. */
    public List<Choice> all() {
        List<Consents.Purpose> purposes = consent.purposes();
        Map<String, Consents.Decision> decisions = consent.decisions(customer.subjectId()).stream()
                .collect(Collectors.toMap(Consents.Decision::purposeId, Function.identity(), (a, b) -> a));
        Map<String, String> recipientNames = dsr.recipients(0, 500).stream()
                .collect(Collectors.toMap(Registry.Recipient::id, r -> r.name() == null ? r.id() : r.name(), (a, b) -> a));
        return purposes.stream().map(p -> {
            Consents.Decision d = decisions.get(p.id());
            return new Choice(p.id(), ui.inLanguage(p.names()), ui.inLanguage(p.descriptions()), p.byConsent(),
                    p.dataCategories() == null ? List.of() : p.dataCategories(),
                    p.recipients() == null ? List.of() : p.recipients().stream()
                            .map(r -> recipientNames.getOrDefault(r, r)).toList(),
                    d != null && d.allowed(), d == null ? null : d.decidedAt(), d == null ? null : d.recordId());
        }).sorted(Comparator.comparing(c -> !c.byConsent())).toList();
    }

    /** Gives or withdraws consent to one purpose, under the notice version in force. */
    public void change(String formKey, String purposeId, boolean give) {
        String notice = consent.notices(0, 100).stream()
                .filter(n -> n.effectiveAt() == null || !n.effectiveAt().isAfter(ui.now()))
                .filter(n -> n.purposes() == null || n.purposes().isEmpty() || n.purposes().contains(purposeId))
                .max(Comparator.comparing(n -> n.effectiveAt() == null ? Instant.EPOCH : n.effectiveAt()))
                .map(Consents.Notice::version).orElse(null);
        consent.record(formKey, new Consents.Form(customer.subjectId(),
                List.of(new Consents.Choice(purposeId, give ? "given" : "withdrawn")), "toggle", "web",
                COLLECTION_POINT, notice, ui.lang()));
    }

    /** The customer's consent records, newest first, with the purpose's name in their language. */
    public List<Consents.Record> history() {
        return consent.history(customer.subjectId(), 0, 100).stream()
                .sorted(Comparator.comparing(Consents.Record::decidedAt, Comparator.nullsLast(Comparator.reverseOrder())))
                .toList();
    }

    /** Purpose names in the customer's language, by id (for the history). */
    public Map<String, String> names() {
        return consent.purposes().stream().collect(Collectors.toMap(Consents.Purpose::id,
                p -> Objects.requireNonNullElse(ui.inLanguage(p.names()), p.id()), (a, b) -> a));
    }
}
