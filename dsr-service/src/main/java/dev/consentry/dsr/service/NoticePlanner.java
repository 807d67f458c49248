package dev.consentry.dsr.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.consentry.dsr.model.Disclosure;
import dev.consentry.dsr.model.LegalHold;
import dev.consentry.dsr.model.Recipient;
import dev.consentry.dsr.model.RequestType;
import dev.consentry.dsr.repository.DisclosureRepository;
import dev.consentry.dsr.repository.RecipientRepository;
import dev.consentry.events.EventContract;
import dev.consentry.events.data.ErasureNotice;
import dev.consentry.platform.problem.ProblemException;
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
 * Decides who gets a notice and what it covers, per request type:
 * <ul>
 *   <li>correction (R5) and restriction: the recipients the disclosure ledger says received a field in scope, each
 *   with the fields it received;</li>
 *   <li>objection and consent withdrawal: the recipients that received the subject's data and process it for one of
 *   the purposes;</li>
 *   <li>erasure (R6): every registered recipient holding a category in scope; categories under a legal hold are kept
 *   in restricted storage instead, with the reason and the date;</li>
 *   <li>access and portability (R7): every registered recipient holding a category in scope.</li>
 * </ul>
 */
@ApplicationScoped
public class NoticePlanner {

    /** One recipient to notify: the categories concerned (to correct or erase) and those it keeps restricted. */
    public record Addressee(Recipient recipient, Set<String> categories, List<ErasureNotice.Retained> restrict) {
    }

    /**
     * The request's categories (empty: all data), its addressees, what an erasure keeps under legal holds, and how an
     * erasure is carried out ({@link ErasureNotice#ERASE} or, for a retention rule, {@link ErasureNotice#ANONYMISE}).
     */
    public record Plan(RequestType type, Set<String> categories, List<Addressee> addressees,
                       List<SubjectRequest.Correction> corrections, List<String> purposes,
                       List<ErasureNotice.Retained> retained, String method) {

        Plan(RequestType type, Set<String> categories, List<Addressee> addressees, List<SubjectRequest.Correction> corrections,
             List<String> purposes, List<ErasureNotice.Retained> retained) {
            this(type, categories, addressees, corrections, purposes, retained, ErasureNotice.ERASE);
        }

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

    public Uni<Plan> plan(String tenant, String subjectKey, SubjectRequest form, Instant receivedAt) {
        Set<String> requested = form.categories() == null ? null : new HashSet<>(form.categories());
        return switch (form.type()) {
            case ERASURE -> erasure(tenant, form, requested, receivedAt);
            case ACCESS, PORTABILITY -> registryHolders(tenant, form, requested);
            case CORRECTION -> correction(tenant, subjectKey, form);
            case RESTRICTION -> ledgerHolders(tenant, subjectKey, form, requested, null);
            default -> ledgerHolders(tenant, subjectKey, form, null, Set.copyOf(form.purposes()));
        };
    }

    /** A correction names fields some registered system holds; it goes to the recipients that received them. */
    private Uni<Plan> correction(String tenant, String subjectKey, SubjectRequest form) {
        Set<String> fields = new HashSet<>(form.corrections().stream().map(SubjectRequest.Correction::field).toList());
        return recipients.listForTenant(tenant).flatMap(registry -> {
            Set<String> known = new HashSet<>();
            registry.forEach(r -> known.addAll(Arrays.asList(r.dataCategories)));
            fields.stream().filter(f -> !known.contains(f)).sorted().findFirst().ifPresent(f -> {
                throw ProblemException.unprocessable("unknown-field", "Field '" + f
                        + "' is not a data category any registered system or recipient holds.");
            });
            return ledgerHolders(tenant, subjectKey, form, fields, null);
        });
    }

    /** Recipients the ledger names for the subject, with the categories in scope ({@code null}: all) they received. */
    private Uni<Plan> ledgerHolders(String tenant, String subjectKey, SubjectRequest form, Set<String> scope,
                                    Set<String> purposes) {
        return disclosures.forSubject(tenant, subjectKey).flatMap(ledger -> {
            Map<String, Set<String>> received = received(ledger, scope);
            return recipients.listForTenant(tenant).map(registry -> new Plan(form.type(),
                    scope == null ? Set.of() : scope,
                    registry.stream()
                            .filter(r -> received.containsKey(r.key.id()))
                            .filter(r -> purposes == null || Arrays.stream(r.purposes).anyMatch(purposes::contains))
                            .map(r -> new Addressee(r, received.get(r.key.id()), List.of())).toList(),
                    form.corrections() == null ? List.of() : form.corrections(),
                    form.purposes() == null ? List.of() : form.purposes(), List.of()));
        });
    }

    private static Map<String, Set<String>> received(List<Disclosure> ledger, Set<String> scope) {
        Map<String, Set<String>> received = new TreeMap<>();
        ledger.forEach(d -> Arrays.stream(d.categories).filter(c -> scope == null || scope.contains(c))
                .forEach(c -> received.computeIfAbsent(d.recipientId, k -> new HashSet<>()).add(c)));
        return received;
    }

    private Uni<Plan> registryHolders(String tenant, SubjectRequest form, Set<String> requested) {
        return recipients.listForTenant(tenant).map(registry -> new Plan(form.type(),
                requested == null ? Set.of() : requested,
                registry.stream().map(r -> new Addressee(r, inScope(r, requested), List.of()))
                        .filter(a -> !a.categories().isEmpty()).toList(),
                List.of(), List.of(), List.of()));
    }

    private static Set<String> inScope(Recipient r, Set<String> requested) {
        Set<String> scope = new HashSet<>(Arrays.asList(r.dataCategories));
        if (requested != null) {
            scope.retainAll(requested);
        }
        return scope;
    }

    /**
     * A retention rule's erasure (R9): the registered recipients holding one of the categories (and, with a purpose,
     * processing for it), each told to erase or anonymise the ones it holds. The rule is the period the law sets, so
     * legal holds (which apply to a subject's erasure request) do not keep these categories.
     */
    public Uni<Plan> scheduledErasure(String tenant, List<String> categories, String purpose, String method) {
        Set<String> scope = new HashSet<>(categories);
        return recipients.listForTenant(tenant).map(registry -> new Plan(RequestType.ERASURE, scope,
                registry.stream()
                        .filter(r -> purpose == null || Arrays.asList(r.purposes).contains(purpose))
                        .map(r -> new Addressee(r, inScope(r, scope), List.of()))
                        .filter(a -> !a.categories().isEmpty()).toList(),
                List.of(), List.of(), List.of(), method));
    }

    /** A dormant account's separation (R10): every registered recipient keeps all it holds apart, unused. */
    public Uni<Plan> separation(String tenant) {
        return recipients.listForTenant(tenant).map(registry -> new Plan(RequestType.RESTRICTION, Set.of(),
                registry.stream().map(r -> new Addressee(r, inScope(r, null), List.of()))
                        .filter(a -> !a.categories().isEmpty()).toList(),
                List.of(), List.of(), List.of()));
    }

    /** The erasure of all of a subject's data, legal holds kept (R6, R10: a dormant account's end). */
    public Uni<Plan> erasureOfAll(String tenant, Instant receivedAt) {
        return erasure(tenant, new SubjectRequest(RequestType.ERASURE, null, null, null, null, null, null, null), null,
                receivedAt);
    }

    private Uni<Plan> erasure(String tenant, SubjectRequest form, Set<String> requested, Instant receivedAt) {
        return recipients.listForTenant(tenant).flatMap(registry -> holds.forTenant(tenant).map(heldList -> {
            Map<String, ErasureNotice.Retained> held = new TreeMap<>();
            for (LegalHold h : heldList) {
                if (requested == null || requested.contains(h.key.category())) {
                    held.put(h.key.category(), new ErasureNotice.Retained(h.key.category(), h.reason,
                            receivedAt.atZone(ZoneOffset.UTC).plus(Period.parse(h.retain)).toInstant()));
                }
            }
            List<Addressee> addressees = registry.stream().map(r -> {
                Set<String> scope = inScope(r, requested);
                Set<String> erase = new HashSet<>(scope);
                erase.removeAll(held.keySet());
                List<ErasureNotice.Retained> restrict = scope.stream().filter(held::containsKey).sorted()
                        .map(held::get).toList();
                return new Addressee(r, erase, restrict);
            }).filter(a -> !a.categories().isEmpty() || !a.restrict().isEmpty()).toList();
            return new Plan(form.type(), requested == null ? Set.of() : requested, addressees, List.of(), List.of(),
                    List.copyOf(held.values()));
        }));
    }
}
