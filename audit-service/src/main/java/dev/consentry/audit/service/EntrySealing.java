package dev.consentry.audit.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.consentry.audit.model.AuditEntry;
import dev.consentry.events.CloudEvent;
import dev.consentry.events.EventContract;
import dev.consentry.platform.messaging.PoisonEventException;
import dev.consentry.platform.vault.SubjectCipher;
import dev.consentry.platform.vault.SubjectVault;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/**
 * A3: what an entry stores of an event's data. Consent and request events carry no personal value and are kept as
 * they are. Partner notices and replies do (the subject id, corrected values, access answers): they are sealed under
 * the subject's key, so destroying that key leaves the entry, and the tree, intact but unreadable. A partner event
 * without a subject key, or arriving after the subject's key was destroyed, keeps only its ids and outcome.
 */
@ApplicationScoped
public class EntrySealing {

    private static final String PARTNER_EVENTS = "dev.consentry.partner.";
    private static final String SEALED_PREFIX = "v1.";

    private final SubjectVault vault;

    public EntrySealing(SubjectVault vault) {
        this.vault = vault;
    }

    public Uni<String> stored(CloudEvent event) {
        String json = json(event.data());
        if (!event.type().startsWith(PARTNER_EVENTS)) {
            return Uni.createFrom().item(json);
        }
        if (event.subjectkey() == null) {
            return Uni.createFrom().item(json(redacted(event.data())));
        }
        // S5: a notice or reply that arrives after the subject's erasure keeps only its ids and outcome: its personal
        // values are dropped, never sealed under a new key nobody would destroy
        return vault.cipherUnlessDestroyed(event.tenant(), event.subjectkey()).map(cipher -> cipher
                .map(c -> c.seal(json))
                .orElseGet(() -> json(((ObjectNode) redacted(event.data())).put("personalValuesDropped", true))));
    }

    public static boolean isSealed(AuditEntry e) {
        return e.data.startsWith(SEALED_PREFIX);
    }

    /** The entry's data to show: as stored, opened, or a marker when its key was destroyed. */
    public static JsonNode readable(AuditEntry e, Optional<SubjectCipher> cipher) {
        String json = e.data;
        if (isSealed(e)) {
            Optional<String> opened = cipher.flatMap(c -> c.open(e.data));
            if (opened.isEmpty()) {
                return EventContract.mapper().createObjectNode().put("sealed", true).put("readable", false);
            }
            json = opened.get();
        }
        try {
            return EventContract.mapper().readTree(json);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("stored entry data is not JSON", ex);
        }
    }

    private static JsonNode redacted(JsonNode data) {
        ObjectNode kept = EventContract.mapper().createObjectNode();
        for (String field : new String[]{"noticeId", "requestId", "recipientId", "outcome"}) {
            if (data.hasNonNull(field)) {
                kept.set(field, data.get(field));
            }
        }
        return kept.put("redacted", true);
    }

    private static String json(JsonNode data) {
        try {
            return EventContract.mapper().writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new PoisonEventException("event data is not serialisable");
        }
    }
}
