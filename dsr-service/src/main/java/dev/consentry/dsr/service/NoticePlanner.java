package dev.consentry.dsr.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.consentry.dsr.model.LegalHold;
import dev.consentry.dsr.model.Recipient;
import dev.consentry.dsr.model.RequestType;
import dev.consentry.dsr.repository.DisclosureRepository;
import dev.consentry.dsr.repository.RecipientRepository;
import dev.consentry.dsr.rest.dto.RequestForm;
import dev.consentry.events.EventContract;
import dev.consentry.events.data.ErasureNotice;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Decides who gets a notice and what it says. Correction (R5): the recipients the disclosure ledger says received a
 * corrected field, each with the fields it received. Erasure (R6): every registered recipient holding a category in
 * scope; categories under a legal hold are kept in restricted storage instead, with the reason and the date.
 */
@ApplicationScoped
public class NoticePlanner {

    /** One recipient to notify: the categories concerned (to correct or erase) and those it keeps restricted. */
    public record Addressee(Recipient recipient, Set<String> categories, List<ErasureNotice.Retained> restrict) {
    }

    /** The request's categories (empty: all data), its addressees, and what an erasure keeps under legal holds. */
    public record Plan(String type, Set<String> categories, List<Addressee> addressees,
                       List<RequestForm.Correction> corrections, List<ErasureNotice.Retained> retained) {

        String retainedJson() {
            if (retained.isEmpty()) {
                return null;
            }
            try {
                return EventContract.mapper().writeValueAsString(retained);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private final RecipientRepository recipients;
    private final DisclosureRepository disclosures;
    private final LegalHolds holds;

    public NoticePlanner(RecipientRepository recipients, DisclosureRepository disclosures, LegalHolds holds) {
        this.recipients = recipients;
        this.disclosures = disclosures;
        this.holds = holds;
    }

    public Uni<Plan> plan(String tenant, String subjectKey, RequestForm form, Instant receivedAt) {
        return RequestType.ERASURE.equals(form.type())
                ? erasure(tenant, form, receivedAt)
                : correction(tenant, subjectKey, form);
    }

    private Uni<Plan> correction(String tenant, String subjectKey, RequestForm form) {
        Set<String> fields = new HashSet<>(form.corrections().stream().map(RequestForm.Correction::field).toList());
        return disclosures.forSubject(tenant, subjectKey).flatMap(ledger -> {
            Map<String, Set<String>> received = new TreeMap<>();
            ledger.forEach(d -> Arrays.stream(d.categories).filter(fields::contains)
                    .forEach(c -> received.computeIfAbsent(d.recipientId, k -> new HashSet<>()).add(c)));
            return recipients.listForTenant(tenant).map(registry -> new Plan(form.type(), fields, registry.stream()
                    .filter(r -> received.containsKey(r.key.id()))
                    .map(r -> new Addressee(r, received.get(r.key.id()), List.of())).toList(),
                    form.corrections(), List.of()));
        });
    }

    private Uni<Plan> erasure(String tenant, RequestForm form, Instant receivedAt) {
        Set<String> requested = form.categories() == null ? null : new HashSet<>(form.categories());
        return recipients.listForTenant(tenant).flatMap(registry -> holds.forTenant(tenant).map(heldList -> {
            Map<String, ErasureNotice.Retained> held = new TreeMap<>();
            for (LegalHold h : heldList) {
                if (requested == null || requested.contains(h.key.category())) {
                    held.put(h.key.category(), new ErasureNotice.Retained(h.key.category(), h.reason,
                            receivedAt.atZone(ZoneOffset.UTC).plus(Period.parse(h.retain)).toInstant()));
                }
            }
            List<Addressee> addressees = registry.stream().map(r -> {
                Set<String> scope = new HashSet<>(Arrays.asList(r.dataCategories));
                if (requested != null) {
                    scope.retainAll(requested);
                }
                Set<String> erase = new HashSet<>(scope);
                erase.removeAll(held.keySet());
                List<ErasureNotice.Retained> restrict = scope.stream().filter(held::containsKey).sorted()
                        .map(held::get).toList();
                return new Addressee(r, erase, restrict);
            }).filter(a -> !a.categories().isEmpty() || !a.restrict().isEmpty()).toList();
            return new Plan(form.type(), requested == null ? Set.of() : requested, addressees, List.of(),
                    List.copyOf(held.values()));
        }));
    }
}
