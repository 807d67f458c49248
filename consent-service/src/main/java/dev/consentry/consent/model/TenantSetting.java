package dev.consentry.consent.model;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A tenant's own settings; without a row, the platform defaults apply. */
@Entity
@Table(name = "tenant_setting")
public class TenantSetting extends PanacheEntityBase {

    @Id
    public String tenant;

    /** Days between announcing a notice version and its taking effect; at least the legal minimum of 7. */
    @Column(name = "notice_period_days", nullable = false)
    public int noticePeriodDays;
}
