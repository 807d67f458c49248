package dev.consentry.dsr.service.access;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.consentry.dsr.model.PurposeTerms;
import dev.consentry.dsr.repository.PurposeTermsRepository;
import dev.consentry.events.EventContract;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The tenant's purposes by name and meaning per language, as consent-service announced them (purpose-defined events),
 * so that a subject's access package names purposes in the subject's language (R7).
 */
@ApplicationScoped
public class PurposeNames {

    private final PurposeTermsRepository purposeTerms;

    public PurposeNames(PurposeTermsRepository purposeTerms) {
        this.purposeTerms = purposeTerms;
    }

    /** One purpose's names and meanings, language code to text. */
    public record Texts(Map<String, String> names, Map<String, String> descriptions) {
    }

    @WithSession
    public Uni<Map<String, Texts>> of(String tenant) {
        return purposeTerms.list("key.tenant", tenant).map(PurposeNames::byPurpose);
    }

    private static Map<String, Texts> byPurpose(List<PurposeTerms> terms) {
        Map<String, Texts> texts = new HashMap<>();
        terms.forEach(t -> texts.put(t.key.purposeId(), new Texts(read(t.names), read(t.descriptions))));
        return texts;
    }

    private static Map<String, String> read(String json) {
        try {
            return json == null ? Map.of() : EventContract.mapper().readValue(json, new TypeReference<Map<String, String>>() {
            });
        } catch (IOException e) {
            throw new IllegalStateException("stored purpose names are not JSON", e);
        }
    }
}
