package dev.consentry.consent.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.consentry.consent.model.Purpose;
import dev.consentry.consent.repository.PurposeRepository;
import dev.consentry.consent.rest.dto.PurposeRequest;
import dev.consentry.consent.rest.dto.PurposeView;
import dev.consentry.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The tenant's purpose catalogue. */
@ApplicationScoped
public class PurposeService {

    private final PurposeRepository purposes;
    private final ObjectMapper mapper;

    public PurposeService(PurposeRepository purposes, ObjectMapper mapper) {
        this.purposes = purposes;
        this.mapper = mapper;
    }

    @WithTransaction
    public Uni<PurposeView> create(String tenant, PurposeRequest request) {
        return purposes.find(tenant, request.id()).flatMap(existing -> {
            if (existing != null) {
                throw ProblemException.conflict("purpose-exists", "Purpose '" + request.id() + "' already exists.");
            }
            Purpose purpose = new Purpose();
            purpose.key = new Purpose.Key(tenant, request.id());
            purpose.legalBasis = request.legalBasis();
            purpose.optional = request.optional();
            purpose.names = write(request.names());
            purpose.createdAt = Instant.now();
            return purposes.persist(purpose).map(this::view);
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
            return new PurposeView(p.key.id(), p.legalBasis, p.optional, names, p.createdAt);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored purpose names are not JSON", e);
        }
    }

    private String write(Map<String, String> names) {
        try {
            return mapper.writeValueAsString(names);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
