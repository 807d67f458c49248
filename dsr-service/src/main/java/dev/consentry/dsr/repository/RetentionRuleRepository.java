package dev.consentry.dsr.repository;

import dev.consentry.dsr.model.RetentionRule;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import jakarta.enterprise.context.ApplicationScoped;

/** Each tenant's retention rules, by tenant and rule id. */
@ApplicationScoped
@WithSession
public class RetentionRuleRepository implements PanacheRepositoryBase<RetentionRule, RetentionRule.Key> {
}
