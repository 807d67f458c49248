package dev.consentry.dsr.service;

import dev.consentry.dsr.model.Recipient;
import dev.consentry.dsr.repository.RecipientRepository;
import dev.consentry.dsr.rest.dto.RecipientRequest;
import dev.consentry.dsr.rest.dto.RecipientView;
import dev.consentry.events.Topics;
import dev.consentry.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;

/** The registry of systems and recipients (R4). */
@ApplicationScoped
public class RecipientService {

    static final int DEFAULT_REPLY_WITHIN_DAYS = 7;

    private final RecipientRepository recipients;

    public RecipientService(RecipientRepository recipients) {
        this.recipients = recipients;
    }

    @WithTransaction
    public Uni<RecipientView> register(String tenant, RecipientRequest request) {
        return recipients.find(tenant, request.id()).flatMap(existing -> {
            if (existing != null) {
                throw ProblemException.conflict("recipient-exists", "Recipient '" + request.id() + "' is registered already.");
            }
            Recipient r = new Recipient();
            r.key = new Recipient.Key(tenant, request.id());
            r.name = request.name();
            r.kind = request.kind();
            r.dataCategories = request.dataCategories().stream().distinct().toArray(String[]::new);
            r.purposes = request.purposes() == null ? new String[0] : request.purposes().stream().distinct().toArray(String[]::new);
            r.replyWithinDays = request.replyWithinDays() == null ? DEFAULT_REPLY_WITHIN_DAYS : request.replyWithinDays();
            r.createdAt = Instant.now();
            return recipients.persist(r).map(RecipientService::view);
        });
    }

    @WithSession
    public Uni<List<RecipientView>> list(String tenant) {
        return recipients.listForTenant(tenant).map(list -> list.stream().map(RecipientService::view).toList());
    }

    static RecipientView view(Recipient r) {
        return new RecipientView(r.key.id(), r.name, r.kind, List.of(r.dataCategories), List.of(r.purposes), r.replyWithinDays,
                Topics.partner(r.key.id()), r.createdAt);
    }
}
