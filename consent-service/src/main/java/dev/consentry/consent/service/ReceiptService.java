package dev.consentry.consent.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.consentry.consent.model.ConsentRecord;
import dev.consentry.consent.model.DpvStatus;
import dev.consentry.consent.service.view.Receipt;
import dev.consentry.events.EventTypes;
import dev.consentry.events.Topics;
import dev.consentry.platform.security.StaffReads;
import dev.consentry.platform.vault.SubjectVault;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Signed receipts for consent records (C3). Field names follow ISO/IEC TS 27560 where it has one; the subject appears
 * as its pseudonymous key, so a receipt can be shown to a regulator without exposing the customer id.
 */
@ApplicationScoped
public class ReceiptService {

    public static final String SCHEMA = "consentry-receipt-v1 (ISO/IEC TS 27560 field names)";

    private final ConsentHistory history;
    private final ReceiptSigner signer;
    private final ObjectMapper mapper;
    private final SubjectVault vault;
    private final StaffReads staffReads;

    public ReceiptService(ConsentHistory history, ReceiptSigner signer, ObjectMapper mapper, SubjectVault vault,
                          StaffReads staffReads) {
        this.history = history;
        this.signer = signer;
        this.mapper = mapper;
        this.vault = vault;
        this.staffReads = staffReads;
    }

    /** @param ownSubjectId set for a subject caller: only their own records are found */
    @WithSession
    public Uni<Receipt> receipt(String tenant, UUID recordId, String ownSubjectId) {
        return history.record(tenant, recordId, ownSubjectId).flatMap(r -> vault.existing(tenant, r.subjectKey).map(cipher -> {
            Map<String, Object> claims = claims(r, ConsentHistory.rawSignal(r, cipher));
            return new Receipt(claims, signer.sign(json(claims)), "/v1/receipts/keys");
        }).call(() -> staffReads.record(Topics.CONSENT, EventTypes.CONSENT_STAFF_ACCESS, tenant, r.subjectKey,
                "read-consent-receipt")));
    }

    static Map<String, Object> claims(ConsentRecord r, String rawSignal) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("schema_version", SCHEMA);
        c.put("record_id", r.id.toString());
        c.put("pii_controller", r.tenant);
        c.put("pii_principal_id", r.subjectKey);
        c.put("purpose_id", r.purposeId);
        c.put("event_type", r.decision);
        c.put("consent_status", DpvStatus.of(r.decision));
        c.put("event_time", r.decidedAt.toString());
        c.put("collection_method", r.method);
        c.put("collection_channel", r.channel);
        c.put("collection_point", r.collectionPoint);
        putIfSet(c, "notice_id", r.noticeVersion);
        putIfSet(c, "notice_hash_sha256", r.noticeHash);
        putIfSet(c, "language", r.language);
        c.put("actor", r.actor);
        putIfSet(c, "raw_signal", rawSignal);
        return c;
    }

    private static void putIfSet(Map<String, Object> claims, String name, String value) {
        if (value != null) {
            claims.put(name, value);
        }
    }

    private String json(Map<String, Object> claims) {
        try {
            return mapper.writeValueAsString(claims);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
