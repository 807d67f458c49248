package dev.consentry.dsr.service.retention;

import dev.consentry.dsr.model.TenantDormancy;
import dev.consentry.dsr.repository.TenantDormancyRepository;
import dev.consentry.dsr.service.view.DormancySettings;
import dev.consentry.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;

/** The tenants' dormant-account policies (R10). */
@ApplicationScoped
public class DormancyPolicies {

    private final TenantDormancyRepository dormancyPolicies;

    public DormancyPolicies(TenantDormancyRepository dormancyPolicies) {
        this.dormancyPolicies = dormancyPolicies;
    }

    @WithSession
    public Uni<DormancySettings> get(String tenant) {
        return dormancyPolicies.findById(tenant).map(p -> p == null ? DormancySettings.DEFAULTS : view(p));
    }

    @WithTransaction
    public Uni<DormancySettings> put(String tenant, DormancySettings settings) {
        Instant ref = Instant.parse("2000-01-01T00:00:00Z");
        if (!later(ref, settings.inactiveFor(), settings.noticeBefore())) {
            throw ProblemException.unprocessable("notice-too-early",
                    "The advance notice must come after the last login: noticeBefore is shorter than inactiveFor.");
        }
        if (Period.parse(settings.noticeBefore()).isZero() || Period.parse(settings.eraseAfter()).isZero()) {
            throw ProblemException.unprocessable("period-zero",
                    "The customer is told ahead (noticeBefore) and separated data is kept a while (eraseAfter).");
        }
        return dormancyPolicies.findById(tenant).flatMap(existing -> {
            TenantDormancy p = existing != null ? existing : new TenantDormancy();
            p.tenant = tenant;
            p.enabled = settings.enabled();
            p.inactiveFor = settings.inactiveFor();
            p.noticeBefore = settings.noticeBefore();
            p.eraseAfter = settings.eraseAfter();
            return (existing != null ? Uni.createFrom().item(p) : dormancyPolicies.persist(p)).map(DormancyPolicies::view);
        });
    }

    /** The policies switched on, every tenant. */
    public Uni<List<TenantDormancy>> enabled() {
        return dormancyPolicies.list("enabled = true order by tenant");
    }

    private static boolean later(Instant ref, String longer, String shorter) {
        return ref.atZone(ZoneOffset.UTC).plus(Period.parse(longer)).isAfter(ref.atZone(ZoneOffset.UTC).plus(Period.parse(shorter)));
    }

    static DormancySettings view(TenantDormancy p) {
        return new DormancySettings(p.enabled, p.inactiveFor, p.noticeBefore, p.eraseAfter);
    }
}
