package dev.consentry.dsr.service.retention;

import dev.consentry.dsr.model.RetentionRule;
import dev.consentry.dsr.repository.RetentionRuleRepository;
import dev.consentry.dsr.service.view.RetentionPresetView;
import dev.consentry.dsr.service.view.RetentionRuleView;
import dev.consentry.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The tenant's retention rules (R9) and the presets that add a documented set at once. */
@ApplicationScoped
public class RetentionRules {

    private final Clock clock;
    private final RetentionRuleRepository retentionRules;

    public RetentionRules(Clock clock, RetentionRuleRepository retentionRules) {
        this.retentionRules = retentionRules;
        this.clock = clock;
    }

    @WithSession
    public Uni<List<RetentionRuleView>> list(String tenant) {
        return forTenant(tenant).map(rules -> rules.stream().map(RetentionRules::view).toList());
    }

    public Uni<List<RetentionRule>> forTenant(String tenant) {
        return retentionRules.list("key.tenant = ?1 order by key.id", tenant);
    }

    /** Creates or replaces the rule {@code id}; replacing a preset's rule makes it the tenant's own. */
    /**
     * A retention rule: which categories (of one purpose, or all), why they are kept, for how long from which event,
     * and what happens then (erase or anonymise).
     */
    public record Rule(List<String> categories, String purpose, String legalBasis, String period, String trigger,
                       String action) {
    }

    @WithTransaction
    public Uni<RetentionRuleView> put(String tenant, String id, Rule form) {
        check(form);
        return retentionRules.findById(new RetentionRule.Key(tenant, id)).flatMap(existing -> {
            RetentionRule rule = existing != null ? existing : newRule(tenant, id);
            rule.categories = form.categories().stream().distinct().sorted().toArray(String[]::new);
            rule.purpose = form.purpose();
            rule.legalBasis = form.legalBasis();
            rule.period = form.period();
            rule.trigger = form.trigger();
            rule.action = form.action();
            rule.preset = null;
            return (existing != null ? Uni.createFrom().item(rule) : retentionRules.persist(rule))
                    .map(RetentionRules::view);
        });
    }

    @WithTransaction
    public Uni<Void> delete(String tenant, String id) {
        return retentionRules.delete("key.tenant = ?1 and key.id = ?2", tenant, id).invoke(n -> {
            if (n == 0) {
                throw ProblemException.notFound("No such retention rule.");
            }
        }).replaceWithVoid();
    }

    @WithSession
    public Uni<List<RetentionPresetView>> presets(String tenant) {
        return forTenant(tenant).map(rules -> {
            Set<String> enabled = rules.stream().map(r -> r.preset).filter(p -> p != null).collect(Collectors.toSet());
            return RetentionPresets.ALL.stream().map(p -> new RetentionPresetView(p.id(), p.title(), p.source(),
                    enabled.contains(p.id()), p.rules())).toList();
        });
    }

    /**
     * Switches a preset on: adds its rules (again, if some were removed). A rule id the tenant already uses for a rule
     * of its own stays the tenant's.
     */
    @WithTransaction
    public Uni<RetentionPresetView> enablePreset(String tenant, String presetId) {
        RetentionPresets.Preset preset = RetentionPresets.find(presetId)
                .orElseThrow(() -> ProblemException.notFound("No such retention preset."));
        return Multi.createFrom().iterable(preset.rules())
                .onItem().transformToUniAndConcatenate(template -> retentionRules.findById(
                        new RetentionRule.Key(tenant, template.id())).flatMap(existing -> {
                    if (existing != null) {
                        return Uni.createFrom().voidItem();
                    }
                    RetentionRule rule = newRule(tenant, template.id());
                    rule.categories = template.categories().toArray(String[]::new);
                    rule.purpose = template.purpose();
                    rule.legalBasis = template.legalBasis();
                    rule.period = template.period();
                    rule.trigger = template.trigger();
                    rule.action = template.action();
                    rule.preset = preset.id();
                    return retentionRules.persist(rule).replaceWithVoid();
                }))
                .collect().asList()
                .map(done -> new RetentionPresetView(preset.id(), preset.title(), preset.source(), true, preset.rules()));
    }

    /** Switches a preset off: removes the rules it added that the tenant did not replace. */
    @WithTransaction
    public Uni<Void> disablePreset(String tenant, String presetId) {
        RetentionPresets.find(presetId).orElseThrow(() -> ProblemException.notFound("No such retention preset."));
        return retentionRules.delete("key.tenant = ?1 and preset = ?2", tenant, presetId).replaceWithVoid();
    }

    private RetentionRule newRule(String tenant, String id) {
        RetentionRule rule = new RetentionRule();
        rule.key = new RetentionRule.Key(tenant, id);
        rule.createdAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return rule;
    }

    private static void check(Rule form) {
        if (Triggers.consentDecision(form.trigger()) != null && form.purpose() == null) {
            throw ProblemException.unprocessable("purpose-missing",
                    "A rule started by a consent withdrawal or expiry names the purpose.");
        }
        if (Period.parse(form.period()).isZero()) {
            throw ProblemException.unprocessable("period-zero", "A retention period is longer than nothing.");
        }
    }

    static RetentionRuleView view(RetentionRule r) {
        return new RetentionRuleView(r.key.id(), List.of(r.categories), r.purpose, r.legalBasis, r.period, r.trigger,
                r.action, r.preset);
    }
}
