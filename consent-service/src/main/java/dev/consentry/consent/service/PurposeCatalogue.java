package dev.consentry.consent.service;

import dev.consentry.consent.model.Purpose;
import dev.consentry.consent.repository.PurposeRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Purposes for the decision hot path, kept in memory once read. Safe across replicas because a purpose never changes
 * once created (changes of terms go through notice versions); a purpose not found is not remembered, so one created
 * later is found on the next call.
 */
@ApplicationScoped
public class PurposeCatalogue {

    /** Far more than any shop's catalogue; beyond it, purposes are simply read from the database. */
    private static final int MAX_ENTRIES = 100_000;

    private final PurposeRepository purposes;
    private final ConcurrentMap<Purpose.Key, Purpose> known = new ConcurrentHashMap<>();

    public PurposeCatalogue(PurposeRepository purposes) {
        this.purposes = purposes;
    }

    /** The purpose if it is already in memory, else null (not known yet, or not in the shop's catalogue). */
    public Purpose cached(String tenant, String purposeId) {
        return known.get(new Purpose.Key(tenant, purposeId));
    }

    /** The purpose, or null when the tenant has none of that id. Runs in the caller's session on a miss. */
    public Uni<Purpose> find(String tenant, String purposeId) {
        Purpose.Key key = new Purpose.Key(tenant, purposeId);
        Purpose cached = known.get(key);
        if (cached != null) {
            return Uni.createFrom().item(cached);
        }
        return purposes.find(tenant, purposeId).invoke(found -> {
            if (found != null && known.size() < MAX_ENTRIES) {
                known.put(key, found);
            }
        });
    }
}
