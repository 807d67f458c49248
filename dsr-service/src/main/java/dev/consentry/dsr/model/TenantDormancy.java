package dev.consentry.dsr.model;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A tenant's dormant-account policy (R10); ISO-8601 periods. */
@Entity
@Table(name = "tenant_dormancy")
public class TenantDormancy extends PanacheEntityBase {

    @Id
    public String tenant;

    @Column(nullable = false)
    public boolean enabled;

    /** How long without a login or an order makes an account dormant (e.g. P180D). */
    @Column(name = "inactive_for", nullable = false)
    public String inactiveFor;

    /** How long before that the customer is told (e.g. P30D). */
    @Column(name = "notice_before", nullable = false)
    public String noticeBefore;

    /** How long the separated data is kept before it is erased (e.g. P1Y). */
    @Column(name = "erase_after", nullable = false)
    public String eraseAfter;
}
