package dev.consentry.dsr.service.retention;

import dev.consentry.dsr.model.Recipient;
import dev.consentry.dsr.model.RetentionRule;
import dev.consentry.dsr.repository.DueStepRepository;
import dev.consentry.dsr.repository.RecipientRepository;
import dev.consentry.dsr.repository.TenantDormancyRepository;
import dev.consentry.dsr.service.view.DueReport;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Answers "what would the schedule erase on this day" for one tenant (R9, R10) without taking any step: the same
 * queries as the schedule, counted per rule and step, and the first steps listed.
 */
@ApplicationScoped
public class RetentionPreview {

    private final DueStepRepository due;
    private final RetentionRules rules;
    private final RecipientRepository recipients;
    private final TenantDormancyRepository dormancyPolicies;

    public RetentionPreview(DueStepRepository due, RetentionRules rules, RecipientRepository recipients,
                            TenantDormancyRepository dormancyPolicies) {
        this.dormancyPolicies = dormancyPolicies;
        this.due = due;
        this.rules = rules;
        this.recipients = recipients;
    }

    @WithSession
    public Uni<DueReport> at(String tenant, Instant at, int listed) {
        List<DueReport.Summary> summary = new ArrayList<>();
        List<DueStep> steps = new ArrayList<>();
        return recipients.listForTenant(tenant).flatMap(registry -> due.countEndedHolds(tenant, at)
                .invoke(n -> summary.add(new DueReport.Summary("hold:*", ActionKinds.HOLD_ENDED, n, null, null)))
                .flatMap(n -> due.endedHolds(tenant, at, listed)).invoke(steps::addAll)
                .flatMap(x -> rules.forTenant(tenant))
                .flatMap(list -> Multi.createFrom().iterable(list)
                        .onItem().transformToUniAndConcatenate((RetentionRule rule) -> due.countForRule(rule, at)
                                .invoke(n -> summary.add(new DueReport.Summary(rule.key.id(), kind(rule), n,
                                        List.of(rule.categories), holders(registry, rule))))
                                .flatMap(n -> due.forRule(rule, at, listed - steps.size())).invoke(steps::addAll))
                        .collect().last())
                .flatMap(x -> dormancyPolicies.findById(tenant))
                .flatMap(policy -> policy == null || !policy.enabled ? Uni.createFrom().voidItem()
                        : due.countDormancy(policy, at).invoke(counts -> {
                            summary.add(new DueReport.Summary(ActionKinds.DORMANCY_NOTICE_RULE,
                                    ActionKinds.DORMANCY_NOTICE, counts.get(0), List.of(), null));
                            summary.add(new DueReport.Summary(ActionKinds.DORMANCY_SEPARATION_RULE,
                                    ActionKinds.DORMANCY_SEPARATION, counts.get(1), List.of(), allSystems(registry)));
                            summary.add(new DueReport.Summary(ActionKinds.DORMANCY_ERASURE_RULE,
                                    ActionKinds.DORMANCY_ERASURE, counts.get(2), List.of(), allSystems(registry)));
                        }).flatMap(c -> due.dormancy(policy, at, listed - steps.size())).invoke(steps::addAll)
                        .replaceWithVoid())
                .map(x -> new DueReport(at, summary.stream().mapToLong(DueReport.Summary::subjects).sum(),
                        List.copyOf(summary), steps.stream().map(s -> new DueReport.Step(s.ruleId(), s.kind(),
                        s.subjectKey(), s.startedAt(), s.dueAt(), s.categories())).toList())));
    }

    private static String kind(RetentionRule rule) {
        return "anonymise".equals(rule.action) ? ActionKinds.RULE_ANONYMISATION : ActionKinds.RULE_ERASURE;
    }

    /** The registered systems and recipients that hold one of the rule's categories (and process for its purpose). */
    private static List<String> holders(List<Recipient> registry, RetentionRule rule) {
        List<String> categories = List.of(rule.categories);
        return registry.stream()
                .filter(r -> rule.purpose == null || Arrays.asList(r.purposes).contains(rule.purpose))
                .filter(r -> Arrays.stream(r.dataCategories).anyMatch(categories::contains))
                .map(r -> r.key.id()).toList();
    }

    private static List<String> allSystems(List<Recipient> registry) {
        return registry.stream().filter(r -> r.dataCategories.length > 0).map(r -> r.key.id()).toList();
    }
}
