package dev.consentry.consent.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.consentry.consent.model.Purpose;
import dev.consentry.consent.repository.PurposeRepository;
import dev.consentry.consent.service.view.CrossBorderTerms;
import dev.consentry.consent.service.view.PurposeView;
import dev.consentry.events.EventTypes;
import dev.consentry.events.Topics;
import dev.consentry.events.data.PurposeDefinedData;
import dev.consentry.platform.outbox.Outbox;
import dev.consentry.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/** The tenant's purpose catalogue. */
@ApplicationScoped
public class PurposeService {

    private final PurposeRepository purposes;
    private final ObjectMapper mapper;
    private final Outbox outbox;

    private final Clock clock;

    public PurposeService(PurposeRepository purposes, ObjectMapper mapper, Outbox outbox, Clock clock) {
        this.clock = clock;
        this.purposes = purposes;
        this.mapper = mapper;
        this.outbox = outbox;
    }

    /** A purpose as the shop defines it (C5): what it is for, on which basis, with which data, for whom, how long. */
    public record Definition(String id, String legalBasis, boolean optional, Map<String, String> names,
                             Map<String, String> descriptions, List<String> dataCategories,
                             List<String> sensitiveCategories, List<String> recipients, String retention,
                             CrossBorderTerms crossBorder, String validity, boolean saleOrSharing,
                             List<String> consentModeTypes) {
    }

    @WithTransaction
    public Uni<PurposeView> create(String tenant, Definition request) {
        List<String> categories = orEmpty(request.dataCategories());
        List<String> sensitive = orEmpty(request.sensitiveCategories());
        if (!categories.containsAll(sensitive)) {
            throw ProblemException.badRequest("sensitive-not-listed",
                    "Every sensitive category must also be listed in dataCategories.");
        }
        return purposes.find(tenant, request.id()).flatMap(existing -> {
            if (existing != null) {
                throw ProblemException.conflict("purpose-exists", "Purpose '" + request.id() + "' already exists.");
            }
            Purpose p = new Purpose();
            p.key = new Purpose.Key(tenant, request.id());
            p.legalBasis = request.legalBasis();
            p.optional = request.optional();
            p.names = write(request.names());
            p.descriptions = write(request.descriptions() == null ? Map.of() : request.descriptions());
            p.createdAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
            p.dataCategories = categories.toArray(String[]::new);
            p.sensitiveCategories = sensitive.toArray(String[]::new);
            p.recipients = orEmpty(request.recipients()).toArray(String[]::new);
            p.retention = request.retention();
            p.crossBorder = request.crossBorder() == null ? null : write(request.crossBorder());
            p.validity = request.validity();
            p.saleOrSharing = request.saleOrSharing();
            p.consentModeTypes = orEmpty(request.consentModeTypes()).toArray(String[]::new);
            // announced with its terms: dsr-service learns which recipients a consent to it covers (R14)
            return purposes.persist(p)
                    .call(saved -> outbox.publish(Topics.CONSENT, EventTypes.PURPOSE_DEFINED, tenant, null,
                            new PurposeDefinedData(p.key.id(), p.legalBasis, List.of(p.recipients),
                                    List.of(p.dataCategories), p.createdAt, request.names(),
                                    request.descriptions() == null ? Map.of() : request.descriptions())))
                    .map(this::view);
        });
    }

    @WithSession
    public Uni<List<PurposeView>> list(String tenant) {
        return purposes.listForTenant(tenant).map(list -> list.stream().map(this::view).toList());
    }

    PurposeView view(Purpose p) {
        try {
            Map<String, String> names = mapper.readValue(p.names, new TypeReference<>() {
            });
            Map<String, String> descriptions = mapper.readValue(p.descriptions, new TypeReference<>() {
            });
            CrossBorderTerms crossBorder = p.crossBorder == null ? null
                    : mapper.readValue(p.crossBorder, CrossBorderTerms.class);
            return new PurposeView(p.key.id(), p.legalBasis, p.optional, names, descriptions, List.of(p.dataCategories),
                    List.of(p.sensitiveCategories), List.of(p.recipients), p.retention, crossBorder, p.validity,
                    p.saleOrSharing, List.of(p.consentModeTypes), p.createdAt);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored purpose is not readable JSON", e);
        }
    }

    private String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list.stream().distinct().toList();
    }
}
